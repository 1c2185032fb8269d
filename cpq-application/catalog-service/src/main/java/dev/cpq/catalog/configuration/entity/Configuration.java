package dev.cpq.catalog.configuration.entity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cpq.cache.freshness.CanonicalJsonHash;
import dev.cpq.catalog.core.entity.ConfigurationRule;
import dev.cpq.catalog.core.entity.OfferingOption;
import dev.cpq.catalog.core.entity.OptionValue;
import dev.cpq.catalog.core.entity.RuleGraph;
import dev.cpq.catalog.core.entity.RuleKind;
import dev.cpq.catalog.offering.entity.OfferingDetail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The options a seller chose for one offering. Validating it against a catalog version gives the
 * violations and a configuration hash over (catalog version, offering, options in canonical order):
 * the same choice on the same version always hashes alike; another choice or another version (whose
 * rule graph may differ) never does.
 */
public record Configuration(String offeringId, Map<String, String> options) {

    public Configuration {
        Objects.requireNonNull(offeringId, "offeringId");
        options = new TreeMap<>(options);
    }

    public ConfigurationVerdict validateAgainst(OfferingDetail offering, RuleGraph rules) {
        if (!offering.offeringId().equals(offeringId) || offering.catalogVersion() != rules.catalogVersion()) {
            throw new IllegalArgumentException("offering and rule graph must be of this configuration's offering and one catalog version");
        }
        List<ConfigurationViolation> violations = new ArrayList<>();
        Map<String, OfferingOption> defined = offering.options().stream().collect(Collectors.toMap(OfferingOption::code, o -> o));
        for (OfferingOption option : offering.options()) {
            if (option.required() && !options.containsKey(option.code())) {
                violations.add(new ConfigurationViolation("OPTION_REQUIRED", option.code(), "option " + option.code() + " must be chosen"));
            }
        }
        options.forEach((code, value) -> {
            OfferingOption option = defined.get(code);
            if (option == null) {
                violations.add(new ConfigurationViolation("OPTION_UNKNOWN", code, offeringId + " has no option " + code));
            } else if (!option.values().contains(value)) {
                violations.add(new ConfigurationViolation("VALUE_NOT_ALLOWED", code,
                        "option " + code + " allows " + option.values() + ", not " + value));
            }
        });
        // a family's rules apply to an offering where it has both options the rule relates
        for (ConfigurationRule rule : rules.rules()) {
            if (!defined.keySet().containsAll(Set.of(rule.when().option(), rule.then().option())) || !chosen(rule.when())) {
                continue;
            }
            if (rule.kind() == RuleKind.REQUIRES && !chosen(rule.then())) {
                violations.add(new ConfigurationViolation("RULE_REQUIRES", rule.then().option(), rule.when() + " requires " + rule.then()));
            } else if (rule.kind() == RuleKind.EXCLUDES && chosen(rule.then())) {
                violations.add(new ConfigurationViolation("RULE_EXCLUDES", rule.then().option(), rule.when() + " excludes " + rule.then()));
            }
        }
        violations.sort(Comparator.comparing(ConfigurationViolation::option).thenComparing(ConfigurationViolation::code)
                .thenComparing(ConfigurationViolation::message));
        return new ConfigurationVerdict(offeringId, violations.isEmpty(), violations, hashOn(offering.catalogVersion()),
                offering.catalogVersion());
    }

    /** {@code cfg-sha256:...} over the catalog version, the offering and the options (sorted by code). */
    public String hashOn(long catalogVersion) {
        ObjectNode canonical = JsonNodeFactory.instance.objectNode()
                .put("catalogVersion", catalogVersion)
                .put("offeringId", offeringId);
        ObjectNode chosen = canonical.putObject("options");
        options.forEach(chosen::put);
        return CanonicalJsonHash.of("cfg-sha256", canonical);
    }

    private boolean chosen(OptionValue v) {
        return v.value().equals(options.get(v.option()));
    }
}
