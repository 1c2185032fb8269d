package dev.cpq.quote.submission.control;

import dev.cpq.cache.freshness.VersionFreshness;
import dev.cpq.quote.authority.entity.CatalogAuthority;
import dev.cpq.quote.authority.entity.ConfigurationVerdict;
import dev.cpq.quote.authority.entity.RemoteProblemException;
import dev.cpq.quote.drafting.entity.Quote;
import dev.cpq.quote.drafting.entity.QuoteConfiguration;
import dev.cpq.quote.drafting.entity.QuoteLine;
import dev.cpq.quote.drafting.entity.QuoteStaleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Is the quote's configuration still what the catalog says? The recorded catalog version must be the
 * active one (asked of catalog's database, never Redis), else {@code CATALOG_VERSION_STALE}; every line
 * re-validated on that version must be valid and the recomputed quote configuration hash equal the
 * recorded one, else {@code CONFIGURATION_STALE}.
 */
@ApplicationScoped
public class ConfigurationFreshnessChecker {

    private CatalogAuthority catalog;

    protected ConfigurationFreshnessChecker() {}

    @Inject
    public ConfigurationFreshnessChecker(CatalogAuthority catalog) {
        this.catalog = catalog;
    }

    public void check(Quote quote) {
        long recorded = quote.catalogVersion().orElseThrow(() -> new IllegalStateException("a priced quote is configured"));
        OptionalLong active = catalog.activeCatalogVersion();
        if (active.isEmpty()) {
            throw new QuoteStaleException(QuoteStaleException.CATALOG_VERSION_STALE, "Catalog version " + recorded
                    + " is not active: no catalog version is published.", "Publish a catalog version, replace the lines, price and submit again.",
                    Map.of("catalogVersion", recorded));
        }
        VersionFreshness freshness = VersionFreshness.of(recorded, active.getAsLong());
        if (!freshness.isCurrent()) {
            throw new QuoteStaleException(QuoteStaleException.CATALOG_VERSION_STALE, "The quote was configured on catalog version " + recorded
                    + "; the active version is " + active.getAsLong() + ".", "Replace the lines (they are validated on catalog version "
                    + active.getAsLong() + "), price and submit again.", Map.of("catalogVersion", recorded, "currentVersion", active.getAsLong()));
        }
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            QuoteLine line = quote.lines().get(i);
            ConfigurationVerdict verdict;
            try {
                verdict = catalog.validate(line.offeringId(), line.options(), recorded);
            } catch (RemoteProblemException e) {
                throw stale(i, "catalog refuses line " + i + " now: " + e.code());
            }
            if (!verdict.valid() || verdict.catalogVersion() != recorded) {
                throw stale(i, "line " + i + " is no longer a valid configuration on catalog version " + recorded);
            }
            hashes.add(verdict.configurationHash());
        }
        String recomputed = QuoteConfiguration.hashOf(hashes);
        if (!recomputed.equals(quote.configurationHash().orElse(null))) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("configurationHash", quote.configurationHash().orElse(null));
            details.put("currentConfigurationHash", recomputed);
            throw new QuoteStaleException(QuoteStaleException.CONFIGURATION_STALE, "The lines' configuration hash changed since they were validated.",
                    "Replace the lines to validate them again, price and submit again.", details);
        }
    }

    private static QuoteStaleException stale(int lineIndex, String detail) {
        return new QuoteStaleException(QuoteStaleException.CONFIGURATION_STALE, "The configuration is stale: " + detail + ".",
                "Replace the lines to validate them again, price and submit again.", Map.of("lineIndex", lineIndex));
    }
}
