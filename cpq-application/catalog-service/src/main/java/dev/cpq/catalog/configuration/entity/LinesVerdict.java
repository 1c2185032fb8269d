package dev.cpq.catalog.configuration.entity;

import java.util.List;

/**
 * The verdicts on every line of a quote, all on one catalog version, with the version the database names
 * active at the time of asking ({@code null} when none is published): a quote's final check needs both
 * facts, and asking for them together saves it a round trip.
 */
public record LinesVerdict(boolean valid, long catalogVersion, Long activeCatalogVersion, List<ConfigurationVerdict> lines) {

    public LinesVerdict {
        lines = List.copyOf(lines);
    }

    public static LinesVerdict of(long catalogVersion, Long activeCatalogVersion, List<ConfigurationVerdict> lines) {
        return new LinesVerdict(lines.stream().allMatch(ConfigurationVerdict::valid), catalogVersion, activeCatalogVersion, lines);
    }
}
