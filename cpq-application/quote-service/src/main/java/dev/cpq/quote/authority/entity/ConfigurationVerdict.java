package dev.cpq.quote.authority.entity;

import java.util.List;

/** Catalog's answer on one configuration. */
public record ConfigurationVerdict(boolean valid, List<Violation> violations, String configurationHash, long catalogVersion) {

    /** Why a configuration is invalid ({@code OPTION_REQUIRED}, {@code RULE_EXCLUDES}, ...). */
    public record Violation(String code, String option, String message) {}

    public ConfigurationVerdict {
        violations = List.copyOf(violations);
    }
}
