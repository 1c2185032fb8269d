package dev.cpq.pricing.approval.entity;

import dev.cpq.platform.security.entity.Roles;
import java.util.Set;

/**
 * Whose discount limit applies to a calculation: the sales agent's, or a partner's. A caller holding
 * both roles is treated as a sales agent (the internal role, the one that drafts quotes). Part of the
 * calculation input, since the same discount may need approval for a partner and not for an agent.
 */
public enum CallerClass {
    SALES_AGENT,
    PARTNER;

    public static CallerClass of(Set<String> roles) {
        if (roles.contains(Roles.SALES_AGENT)) {
            return SALES_AGENT;
        }
        if (roles.contains(Roles.PARTNER)) {
            return PARTNER;
        }
        throw new IllegalArgumentException("only sales agents and partners price: " + roles);
    }
}
