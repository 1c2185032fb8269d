package dev.cpq.catalog.core.entity;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The configuration rules of one family in one published catalog version: immutable, cached per
 * version and family. Rules are kept in a canonical order, so equal graphs are equal values.
 */
public record RuleGraph(long catalogVersion, String family, List<ConfigurationRule> rules) {

    private static final Comparator<ConfigurationRule> CANONICAL = Comparator.comparing(ConfigurationRule::kind)
            .thenComparing(r -> r.when().option()).thenComparing(r -> r.when().value())
            .thenComparing(r -> r.then().option()).thenComparing(r -> r.then().value());

    public RuleGraph {
        Objects.requireNonNull(family, "family");
        rules = rules.stream().sorted(CANONICAL).distinct().toList();
    }

    public static RuleGraph empty(long catalogVersion, String family) {
        return new RuleGraph(catalogVersion, family, List.of());
    }
}
