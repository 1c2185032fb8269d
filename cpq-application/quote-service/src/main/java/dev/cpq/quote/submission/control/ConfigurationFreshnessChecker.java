package dev.cpq.quote.submission.control;

import dev.cpq.cache.freshness.VersionFreshness;
import dev.cpq.quote.authority.entity.CatalogAuthority;
import dev.cpq.quote.authority.entity.ConfigurationChoice;
import dev.cpq.quote.authority.entity.ConfigurationVerdict;
import dev.cpq.quote.authority.entity.LinesVerdict;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.platform.remote.entity.RemoteProblemException;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteConfiguration;
import dev.cpq.quote.core.entity.QuoteStaleException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Is the quote's configuration still what the catalog says? The recorded catalog version must be the
 * active one (as catalog's database names it, never Redis), else {@code CATALOG_VERSION_STALE}; every line
 * re-validated on that version must be valid and the recomputed quote configuration hash equal the
 * recorded one, else {@code CONFIGURATION_STALE}. Catalog answers both in one call ({@link #ask}).
 */
@ApplicationScoped
public class ConfigurationFreshnessChecker {

    private CatalogAuthority catalog;

    protected ConfigurationFreshnessChecker() {}

    @Inject
    public ConfigurationFreshnessChecker(CatalogAuthority catalog) {
        this.catalog = catalog;
    }

    /** Asks catalog to re-validate the quote's lines on its recorded version; read the answer with {@link #check}. */
    public Pending<LinesVerdict> ask(Quote quote) {
        long recorded = recorded(quote);
        List<ConfigurationChoice> lines = quote.lines().stream().map(l -> new ConfigurationChoice(l.offeringId(), l.options())).toList();
        return catalog.validateLines(lines, recorded);
    }

    public void check(Quote quote, Pending<LinesVerdict> asked) {
        long recorded = recorded(quote);
        LinesVerdict answer;
        try {
            answer = asked.get();
        } catch (RemoteProblemException e) {
            // a published version never changes: catalog refusing a line on it means the line's offering is gone from it
            throw configurationStale("The configuration is stale: catalog refuses the lines now: " + e.code() + ".", Map.of("catalogVersion", recorded));
        }
        if (answer.activeCatalogVersion().isEmpty()) {
            throw new QuoteStaleException(QuoteStaleException.CATALOG_VERSION_STALE, "Catalog version " + recorded
                    + " is not active: no catalog version is published.", "Publish a catalog version, replace the lines, price and submit again.",
                    Map.of("catalogVersion", recorded));
        }
        long active = answer.activeCatalogVersion().getAsLong();
        if (!VersionFreshness.of(recorded, active).isCurrent()) {
            throw new QuoteStaleException(QuoteStaleException.CATALOG_VERSION_STALE, "The quote was configured on catalog version " + recorded
                    + "; the active version is " + active + ".", "Replace the lines (they are validated on catalog version "
                    + active + "), price and submit again.", Map.of("catalogVersion", recorded, "currentVersion", active));
        }
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < answer.lines().size(); i++) {
            ConfigurationVerdict verdict = answer.lines().get(i);
            if (!verdict.valid() || verdict.catalogVersion() != recorded) {
                throw configurationStale("The configuration is stale: line " + i + " is no longer a valid configuration on catalog version "
                        + recorded + ".", Map.of("lineIndex", i));
            }
            hashes.add(verdict.configurationHash());
        }
        String recomputed = QuoteConfiguration.hashOf(hashes);
        if (!recomputed.equals(quote.configurationHash().orElse(null))) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("configurationHash", quote.configurationHash().orElse(null));
            details.put("currentConfigurationHash", recomputed);
            throw configurationStale("The lines' configuration hash changed since they were validated.", details);
        }
    }

    private static QuoteStaleException configurationStale(String detail, Map<String, Object> details) {
        return new QuoteStaleException(QuoteStaleException.CONFIGURATION_STALE, detail, "Replace the lines to validate them again, price and submit again.",
                details);
    }

    private static long recorded(Quote quote) {
        return quote.catalogVersion().orElseThrow(() -> new IllegalStateException("a priced quote is configured"));
    }
}
