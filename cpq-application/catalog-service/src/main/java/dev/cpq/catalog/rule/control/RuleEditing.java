package dev.cpq.catalog.rule.control;

import dev.cpq.catalog.offering.entity.Offering;
import dev.cpq.catalog.offering.entity.OfferingOption;
import dev.cpq.catalog.offering.entity.Offerings;
import dev.cpq.catalog.rule.entity.ConfigurationRule;
import dev.cpq.catalog.rule.entity.OptionValue;
import dev.cpq.catalog.rule.entity.RuleSet;
import dev.cpq.catalog.rule.entity.RuleSets;
import dev.cpq.catalog.rule.entity.UnknownRuleOptionException;
import dev.cpq.catalog.version.entity.Catalog;
import dev.cpq.catalog.version.entity.CatalogVersion;
import dev.cpq.catalog.version.entity.CatalogVersionNotFoundException;
import dev.cpq.catalog.version.entity.Catalogs;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replacing the configuration rules of a family in a draft, against the version the editor saw. Rules
 * may only name option values that the family's offerings in this draft define.
 */
@ApplicationScoped
public class RuleEditing {

    public static final String PUT_RULES = "catalog-version.put-rules";

    public record Edited(Catalog catalog, RuleSet ruleSet) {}

    private Catalogs catalogs;
    private Offerings offerings;
    private RuleSets ruleSets;
    private AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    protected RuleEditing() {}

    @Inject
    public RuleEditing(Catalogs catalogs, Offerings offerings, RuleSets ruleSets, AuditTrail audit) {
        this.catalogs = catalogs;
        this.offerings = offerings;
        this.ruleSets = ruleSets;
        this.audit = audit;
    }

    @Transactional
    public Edited putRules(long version, ExpectedVersion expected, String family, List<ConfigurationRule> rules) {
        Catalog catalog = catalogs.byVersionForChange(new CatalogVersion(version))
                .orElseThrow(() -> new CatalogVersionNotFoundException(version));
        catalog.requireDraft();
        long before = catalog.rowVersion();
        expected.check("CATALOG", before);
        requireKnownValues(family, offerings.ofFamily(catalog.id(), family), rules);
        RuleSet ruleSet = ruleSets.find(catalog.id(), family).orElse(null);
        if (ruleSet == null) {
            ruleSet = RuleSet.of(catalog.id(), catalog.tenantId(), family, rules, clock.instant());
            ruleSets.add(ruleSet);
        } else {
            ruleSet.replaceWith(rules, clock.instant());
        }
        catalogs.touch(catalog);
        audit.succeeded(new AuditedChange("Catalog", Long.toString(version), PUT_RULES, "DRAFT", "DRAFT", before, catalog.rowVersion()));
        return new Edited(catalog, ruleSet);
    }

    private static void requireKnownValues(String family, List<Offering> familyOfferings, List<ConfigurationRule> rules) {
        Set<OptionValue> known = new HashSet<>();
        for (Offering o : familyOfferings) {
            for (OfferingOption option : o.options()) {
                option.values().forEach(v -> known.add(new OptionValue(option.code(), v)));
            }
        }
        for (ConfigurationRule rule : rules) {
            for (OptionValue v : List.of(rule.when(), rule.then())) {
                if (!known.contains(v)) {
                    throw new UnknownRuleOptionException(family, v);
                }
            }
        }
    }
}
