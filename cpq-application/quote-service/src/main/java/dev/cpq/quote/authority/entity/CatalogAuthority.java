package dev.cpq.quote.authority.entity;

import java.util.List;

/** What a quote asks of catalog-service: the authority on configurations and the active catalog version. */
public interface CatalogAuthority {

    /**
     * Validates every line on one catalog version, the given one (null: the active one, which catalog may
     * take from its cache pointer and its cached rule graphs, fine while drafting), in one round trip; the
     * answer also names the active version as catalog's database (never Redis) has it.
     */
    Pending<LinesVerdict> validateLines(List<ConfigurationChoice> lines, Long catalogVersion);
}
