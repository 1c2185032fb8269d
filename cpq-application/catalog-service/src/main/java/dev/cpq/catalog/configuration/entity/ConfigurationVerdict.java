package dev.cpq.catalog.configuration.entity;

import java.util.List;

/** The outcome of validating a configuration against one catalog version's offering and rule graph. */
public record ConfigurationVerdict(String offeringId, boolean valid, List<ConfigurationViolation> violations, String configurationHash,
        long catalogVersion) {

    public ConfigurationVerdict {
        violations = List.copyOf(violations);
    }
}
