package dev.cpq.quote.authority.entity;

import java.util.Map;
import java.util.OptionalLong;

/** What a quote asks of catalog-service: the authority on configurations and the active catalog version. */
public interface CatalogAuthority {

    /**
     * Validates one line's configuration against the given catalog version (null: the active one; the
     * catalog may answer from its cached rule graph, which is fine while drafting).
     */
    ConfigurationVerdict validate(String offeringId, Map<String, String> options, Long catalogVersion);

    /** The tenant's active catalog version from catalog's database (never Redis); empty when none is published. */
    OptionalLong activeCatalogVersion();
}
