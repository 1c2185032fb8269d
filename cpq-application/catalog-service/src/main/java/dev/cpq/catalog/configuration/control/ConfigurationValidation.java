package dev.cpq.catalog.configuration.control;

import dev.cpq.catalog.configuration.entity.Configuration;
import dev.cpq.catalog.configuration.entity.ConfigurationVerdict;
import dev.cpq.catalog.offering.control.PublishedOfferings;
import dev.cpq.catalog.offering.entity.OfferingDetail;
import dev.cpq.catalog.rule.control.PublishedRuleGraphs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Validates a configuration against a published catalog version (the given one, or the active one):
 * offering and rule graph come from the versioned cache, which is safe because a published version's
 * content never changes. Whether that version is still the active one is the quote's final check.
 */
@ApplicationScoped
public class ConfigurationValidation {

    private PublishedOfferings offerings;
    private PublishedRuleGraphs ruleGraphs;

    protected ConfigurationValidation() {}

    @Inject
    public ConfigurationValidation(PublishedOfferings offerings, PublishedRuleGraphs ruleGraphs) {
        this.offerings = offerings;
        this.ruleGraphs = ruleGraphs;
    }

    public ConfigurationVerdict validate(Configuration configuration, Optional<Long> catalogVersion) {
        OfferingDetail offering = offerings.offering(configuration.offeringId(), catalogVersion);
        return configuration.validateAgainst(offering, ruleGraphs.of(offering.catalogVersion(), offering.family()));
    }
}
