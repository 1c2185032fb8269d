package dev.cpq.catalog.rule.control;

import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.catalog.core.entity.Catalogs;
import dev.cpq.catalog.core.entity.ConfigurationRule;
import dev.cpq.catalog.core.entity.RuleSet;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.publication.control.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Replacing the configuration rules of a family in a draft, against the version the editor saw. Rules
 * may only name option values that the family's offerings in this draft define ({@link Catalog#replaceRules}).
 */
@ApplicationScoped
public class RuleEditing {

    public static final String PUT_RULES = "catalog-version.put-rules";

    public record Edited(Catalog catalog, RuleSet ruleSet) {}

    private Catalogs catalogs;
    private Publication publication;
    private final Clock clock = Clock.systemUTC();

    protected RuleEditing() {}

    @Inject
    public RuleEditing(Catalogs catalogs, Publication publication) {
        this.catalogs = catalogs;
        this.publication = publication;
    }

    @Transactional
    public Edited putRules(long version, ExpectedVersion expected, String family, List<ConfigurationRule> rules) {
        return publication.editDraft(catalogs, version, expected, PUT_RULES, catalog -> {
            RuleSet ruleSet = catalog.replaceRules(family, catalogs.ruleSet(catalog, family), catalogs.offeringsOf(catalog, family), rules,
                    clock.instant());
            catalogs.store(ruleSet);
            return new Edited(catalog, ruleSet);
        });
    }
}
