package dev.cpq.catalog.core.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationRuleTest {

    private static final OptionValue ONE_G = new OptionValue("speed", "1G");
    private static final OptionValue PRO = new OptionValue("router", "pro");
    private static final OptionValue BASIC = new OptionValue("router", "basic");

    private static ConfigurationRule.Proposed rule(OptionValue when, OptionValue then) {
        return new ConfigurationRule.Proposed(when, then);
    }

    @Test
    void aPairBothRequiredAndExcludedIsRefusedNamingBothRulesWhicheverWayTheExclusionIsWritten() {
        assertThatThrownBy(() -> ConfigurationRule.listOf(List.of(rule(ONE_G, BASIC), rule(ONE_G, PRO)), List.of(rule(PRO, ONE_G))))
                .isInstanceOfSatisfying(InvalidDraftContentException.class, e -> assertThat(e.violations())
                        .extracting(InvalidDraftContentException.Violation::field).containsExactly("requires[1]", "excludes[0]"));
        assertThatThrownBy(() -> ConfigurationRule.listOf(List.of(rule(ONE_G, PRO)), List.of(rule(ONE_G, PRO))))
                .isInstanceOf(InvalidDraftContentException.class);
    }

    @Test
    void aRuleRelatingAnOptionToItselfIsNamed() {
        assertThatThrownBy(() -> ConfigurationRule.listOf(List.of(), List.of(rule(ONE_G, BASIC), rule(PRO, BASIC))))
                .isInstanceOfSatisfying(InvalidDraftContentException.class, e -> assertThat(e.violations())
                        .extracting(InvalidDraftContentException.Violation::field).containsExactly("excludes[1]"));
    }

    @Test
    void consistentRulesBecomeRequiresThenExcludes() {
        assertThat(ConfigurationRule.listOf(List.of(rule(ONE_G, PRO)), List.of(rule(ONE_G, BASIC))))
                .extracting(ConfigurationRule::kind).containsExactly(RuleKind.REQUIRES, RuleKind.EXCLUDES);
    }

    /**
     * Every rule of a family contradicting every other (200 requires and 200 excludes of one pair, the
     * request's limits) is named once per rule: not once per pair of rules, 80,000 violations and an
     * answer of megabytes to a request of kilobytes.
     */
    @Test
    void contradictionsAreNamedOncePerRuleNotOncePerPairOfRules() {
        List<ConfigurationRule.Proposed> requires = java.util.Collections.nCopies(200, rule(ONE_G, PRO));
        List<ConfigurationRule.Proposed> excludes = java.util.Collections.nCopies(200, rule(PRO, ONE_G));
        assertThatThrownBy(() -> ConfigurationRule.listOf(requires, excludes))
                .isInstanceOfSatisfying(InvalidDraftContentException.class, e -> {
                    assertThat(e.violations()).hasSize(400);
                    assertThat(e.violations()).extracting(InvalidDraftContentException.Violation::field).doesNotHaveDuplicates()
                            .contains("requires[0]", "requires[199]", "excludes[0]", "excludes[199]");
                });
    }
}
