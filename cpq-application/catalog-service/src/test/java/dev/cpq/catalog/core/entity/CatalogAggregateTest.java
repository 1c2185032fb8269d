package dev.cpq.catalog.core.entity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The catalog version's commands keep its invariants: only a draft changes, rules name known values, versions only move forward. */
class CatalogAggregateTest {

    private static final Instant NOW = Instant.EPOCH;

    @Test
    void aPublishedVersionTakesNoOfferingAndNoRules() {
        Catalog published = Catalog.draft("tnt-001", CatalogVersion.first(), NOW);
        published.publish(NOW);

        assertThatThrownBy(() -> published.putOffering(Optional.empty(), "fiber-1g", "Fiber", "internet", List.of(), NOW))
                .isInstanceOf(CatalogVersionNotDraftException.class);
        assertThatThrownBy(() -> published.replaceRules("internet", Optional.empty(), List.of(), List.of(), NOW))
                .isInstanceOf(CatalogVersionNotDraftException.class);
    }

    @Test
    void rulesMayOnlyNameValuesThatTheFamilysOfferingsDefine() {
        Catalog draft = Catalog.draft("tnt-001", CatalogVersion.first(), NOW);
        List<ConfigurationRule> rules = List.of(new ConfigurationRule(RuleKind.REQUIRES, new OptionValue("speed", "1G"),
                new OptionValue("router", "pro")));

        assertThatThrownBy(() -> draft.replaceRules("internet", Optional.empty(), List.of(), rules, NOW))
                .isInstanceOf(UnknownRuleOptionException.class);
    }

    @Test
    void aDraftOlderThanTheActiveVersionIsNotPublishedOverIt() {
        Catalog older = Catalog.draft("tnt-001", new CatalogVersion(2), NOW);
        Catalog active = Catalog.draft("tnt-001", new CatalogVersion(3), NOW);
        Catalog newer = Catalog.draft("tnt-001", new CatalogVersion(4), NOW);

        assertThatThrownBy(() -> older.requirePublishableOver(active)).isInstanceOf(CatalogVersionOutdatedException.class);
        assertThatCode(() -> newer.requirePublishableOver(active)).doesNotThrowAnyException();
    }
}
