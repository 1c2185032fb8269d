package dev.cpq.catalog.configuration.control;

import dev.cpq.catalog.configuration.entity.Configuration;
import dev.cpq.catalog.configuration.entity.ConfigurationVerdict;
import dev.cpq.catalog.configuration.entity.LinesVerdict;
import dev.cpq.catalog.core.entity.CatalogVersion;
import dev.cpq.catalog.core.entity.Catalogs;
import dev.cpq.catalog.offering.control.PublishedOfferings;
import dev.cpq.catalog.offering.entity.OfferingDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Validates a configuration against a published catalog version (the given one, or the active one):
 * offering and rule graph come from the versioned cache (kept in process once read, {@link PublishedVersionInputs}),
 * which is safe because a published version's content never changes. Whether that version is still the
 * active one is the quote's final check.
 */
@ApplicationScoped
public class ConfigurationValidation {

    private PublishedOfferings offerings;
    private PublishedVersionInputs inputs;
    private Catalogs catalogs;

    protected ConfigurationValidation() {}

    @Inject
    public ConfigurationValidation(PublishedOfferings offerings, PublishedVersionInputs inputs, Catalogs catalogs) {
        this.offerings = offerings;
        this.inputs = inputs;
        this.catalogs = catalogs;
    }

    public ConfigurationVerdict validate(Configuration configuration, Optional<Long> catalogVersion) {
        long version = catalogVersion.orElseGet(offerings::activeVersion);
        OfferingDetail offering = inputs.offering(configuration.offeringId(), version);
        return configuration.validateAgainst(offering, inputs.ruleGraph(version, offering.family()));
    }

    /**
     * Every line on one version (the given one, or the active one the cache names, resolved once), plus
     * the active version read from PostgreSQL: the quote's final check compares its recorded version with
     * that, never with a pointer.
     */
    public LinesVerdict validateAll(List<Configuration> lines, Optional<Long> catalogVersion) {
        long version = catalogVersion.orElseGet(offerings::activeVersion);
        Long active = catalogs.activeVersion().map(CatalogVersion::sequence).orElse(null);
        return LinesVerdict.of(version, active, lines.stream().map(line -> validate(line, Optional.of(version))).toList());
    }
}
