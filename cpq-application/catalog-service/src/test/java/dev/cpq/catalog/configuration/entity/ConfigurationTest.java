package dev.cpq.catalog.configuration.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.catalog.core.entity.ConfigurationRule;
import dev.cpq.catalog.core.entity.OfferingOption;
import dev.cpq.catalog.core.entity.OptionValue;
import dev.cpq.catalog.core.entity.RuleGraph;
import dev.cpq.catalog.core.entity.RuleKind;
import dev.cpq.catalog.offering.entity.OfferingDetail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private static final OfferingDetail FIBER = new OfferingDetail(7, "fiber-1g", "Fiber 1G", "internet", List.of(
            new OfferingOption("speed", List.of("500M", "1G"), true),
            new OfferingOption("router", List.of("basic", "pro"), true),
            new OfferingOption("static-ip", List.of("none", "one"), false)));

    private static final RuleGraph RULES = new RuleGraph(7, "internet", List.of(
            new ConfigurationRule(RuleKind.REQUIRES, new OptionValue("speed", "1G"), new OptionValue("router", "pro")),
            new ConfigurationRule(RuleKind.EXCLUDES, new OptionValue("router", "basic"), new OptionValue("static-ip", "one")),
            // relates an option this offering does not have: does not apply to it
            new ConfigurationRule(RuleKind.REQUIRES, new OptionValue("speed", "1G"), new OptionValue("tv-box", "4k"))));

    @Test
    void aConfigurationMeetingEveryRuleIsValid() {
        ConfigurationVerdict verdict = new Configuration("fiber-1g", Map.of("speed", "1G", "router", "pro")).validateAgainst(FIBER, RULES);

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.catalogVersion()).isEqualTo(7);
        assertThat(verdict.configurationHash()).startsWith("cfg-sha256:");
    }

    @Test
    void missingRequiredOptionsUnknownOptionsAndValuesOutsideTheListAreEachNamed() {
        ConfigurationVerdict verdict = new Configuration("fiber-1g", Map.of("speed", "10G", "colour", "red")).validateAgainst(FIBER, RULES);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.violations()).extracting(ConfigurationViolation::code, ConfigurationViolation::option).containsExactly(
                org.assertj.core.groups.Tuple.tuple("OPTION_UNKNOWN", "colour"),
                org.assertj.core.groups.Tuple.tuple("OPTION_REQUIRED", "router"),
                org.assertj.core.groups.Tuple.tuple("VALUE_NOT_ALLOWED", "speed"));
    }

    @Test
    void requiresAndExcludesRulesAreEnforced() {
        var requires = new Configuration("fiber-1g", Map.of("speed", "1G", "router", "basic")).validateAgainst(FIBER, RULES);
        var excludes = new Configuration("fiber-1g", Map.of("speed", "500M", "router", "basic", "static-ip", "one"))
                .validateAgainst(FIBER, RULES);

        assertThat(requires.violations()).extracting(ConfigurationViolation::code).containsExactly("RULE_REQUIRES");
        assertThat(excludes.violations()).extracting(ConfigurationViolation::code).containsExactly("RULE_EXCLUDES");
    }

    @Test
    void theHashIgnoresTheOrderOptionsArriveIn() {
        Map<String, String> oneOrder = new LinkedHashMap<>();
        oneOrder.put("speed", "1G");
        oneOrder.put("router", "pro");
        Map<String, String> otherOrder = new LinkedHashMap<>();
        otherOrder.put("router", "pro");
        otherOrder.put("speed", "1G");

        assertThat(new Configuration("fiber-1g", oneOrder).hashOn(7)).isEqualTo(new Configuration("fiber-1g", otherOrder).hashOn(7));
    }

    @Test
    void theHashChangesWithTheChoiceAndWithTheCatalogVersion() {
        Configuration config = new Configuration("fiber-1g", Map.of("speed", "1G", "router", "pro"));

        assertThat(config.hashOn(7)).isNotEqualTo(config.hashOn(8));
        assertThat(config.hashOn(7)).isNotEqualTo(new Configuration("fiber-1g", Map.of("speed", "500M", "router", "pro")).hashOn(7));
        assertThat(config.hashOn(7)).isNotEqualTo(new Configuration("fiber-2g", Map.of("speed", "1G", "router", "pro")).hashOn(7));
    }

    @Test
    void anOfferingAndRuleGraphOfDifferentVersionsAreNotMixed() {
        assertThatThrownBy(() -> new Configuration("fiber-1g", Map.of()).validateAgainst(FIBER, RuleGraph.empty(8, "internet")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRuleGraphIsTheSameValueWhateverTheOrderItsRulesWereGivenIn() {
        var a = new ConfigurationRule(RuleKind.REQUIRES, new OptionValue("speed", "1G"), new OptionValue("router", "pro"));
        var b = new ConfigurationRule(RuleKind.EXCLUDES, new OptionValue("router", "basic"), new OptionValue("static-ip", "one"));

        assertThat(new RuleGraph(7, "internet", List.of(a, b))).isEqualTo(new RuleGraph(7, "internet", List.of(b, a, b)));
    }
}
