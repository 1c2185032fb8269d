package dev.cpq.platform.security.entity;

import java.util.Set;

/** The roles of API.md; a token's {@code roles} claim may carry only these. */
public final class Roles {

    public static final String CATALOG_ADMIN = "CATALOG_ADMIN";
    public static final String PRICING_ADMIN = "PRICING_ADMIN";
    public static final String SALES_AGENT = "SALES_AGENT";
    public static final String SALES_MANAGER = "SALES_MANAGER";
    public static final String PARTNER = "PARTNER";
    public static final String OPERATOR = "OPERATOR";
    /**
     * A service acting for itself (a consumer, a worker, a schedule), never for a user: only a SERVICE token
     * (its own issuer, audience and key) carries it, and such a token carries nothing else.
     */
    public static final String SERVICE = "SERVICE";

    /** The roles a user's token may carry (SERVICE is not one of them). */
    public static final Set<String> ALL = Set.of(CATALOG_ADMIN, PRICING_ADMIN, SALES_AGENT, SALES_MANAGER, PARTNER, OPERATOR);

    private Roles() {}
}
