package dev.cpq.catalog.rule.entity;

import java.util.Optional;

/** The rule sets of catalog versions, always within the caller's tenant. */
public interface RuleSets {

    Optional<RuleSet> find(long catalogId, String family);

    void add(RuleSet ruleSet);

    /** A new draft starts from the active version's rules. */
    void copyAll(long fromCatalogId, long toCatalogId);
}
