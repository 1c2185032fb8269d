package dev.cpq.quote.authority.entity;

import java.util.List;
import java.util.OptionalLong;

/**
 * Catalog's answer on every line of a quote: a verdict per line, all on {@code catalogVersion}, and the
 * version catalog's database names active when it answered (empty when none is published).
 */
public record LinesVerdict(long catalogVersion, OptionalLong activeCatalogVersion, List<ConfigurationVerdict> lines) {

    public LinesVerdict {
        lines = List.copyOf(lines);
    }
}
