package dev.cpq.pricing.pricelist.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.pricing.money.entity.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceListTest {

    private static final PriceListId EU = new PriceListId("eu-standard");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static PriceList draft(long version) {
        return PriceList.draft("tnt-001", EU, new PriceListVersion(version), PriceListTerms.initial(EU), T0);
    }

    @Test
    void aNewVersionIsADraftWithTheDefaultTermsAndNoPublicationTime() {
        PriceList draft = draft(1);
        assertThat(draft.status()).isEqualTo(PriceListStatus.DRAFT);
        assertThat(draft.publishedAt()).isEmpty();
        assertThat(draft.name()).isEqualTo("eu-standard");
        assertThat(draft.stalenessPolicy()).isEqualTo(StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH);
        assertThat(draft.validityDays()).isEqualTo(new ValidityDays(30));
    }

    @Test
    void publishingMakesTheDraftActiveAndRecordsWhen() {
        PriceList draft = draft(1);
        draft.publish(T0.plusSeconds(60));
        assertThat(draft.status()).isEqualTo(PriceListStatus.PUBLISHED);
        assertThat(draft.publishedAt()).contains(T0.plusSeconds(60));
    }

    @Test
    void aPublishedVersionIsNeitherEditedNorPublishedAgain() {
        PriceList published = draft(1);
        published.publish(T0);
        assertThatThrownBy(published::requireDraft)
                .isInstanceOf(PriceListVersionNotDraftException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().getCode()).isEqualTo("PRICE_LIST_VERSION_NOT_DRAFT"))
                .satisfies(e -> assertThat(((ProblemException) e).problem().getStatus()).isEqualTo(409));
        assertThatThrownBy(() -> published.publish(T0)).isInstanceOf(PriceListVersionNotDraftException.class);
    }

    @Test
    void onlyThePublishedVersionIsSupersededAndThenItIsHistory() {
        PriceList draft = draft(1);
        assertThatThrownBy(draft::supersede).isInstanceOf(IllegalStateException.class);
        draft.publish(T0);
        draft.supersede();
        assertThat(draft.status()).isEqualTo(PriceListStatus.SUPERSEDED);
        assertThat(draft.publishedAt()).contains(T0);
        assertThatThrownBy(draft::supersede).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> draft.publish(T0)).isInstanceOf(PriceListVersionNotDraftException.class);
    }

    @Test
    void entriesAreAddedToDraftsOnly() {
        PriceList published = draft(1);
        published.publish(T0);
        PricePoint price = new PricePoint(PriceScope.of("EUR", "de", "web"), Money.of("10.00", "EUR"), Money.of("1.00", "EUR"));
        assertThatThrownBy(() -> PriceEntry.of(published, "fiber-100", price, T0)).isInstanceOf(PriceListVersionNotDraftException.class);
    }

    @Test
    void versionsGrowAndCompareByPublicationOrder() {
        PriceListVersion v1 = PriceListVersion.first();
        assertThat(v1.next().isNewerThan(v1)).isTrue();
        assertThat(v1.isNewerThan(v1)).isFalse();
        assertThat(v1.next()).hasToString("v2");
        assertThatThrownBy(() -> new PriceListVersion(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void termsKeepWhatIsNotChanged() {
        PriceListTerms terms = PriceListTerms.initial(EU).with("EU list", null, null);
        assertThat(terms).isEqualTo(new PriceListTerms("EU list", StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH, new ValidityDays(30)));
        PriceListTerms changed = terms.with(null, StalenessPolicy.VALID_UNTIL_QUOTE_EXPIRY, 7);
        assertThat(changed).isEqualTo(new PriceListTerms("EU list", StalenessPolicy.VALID_UNTIL_QUOTE_EXPIRY, new ValidityDays(7)));
        assertThatThrownBy(() -> terms.with(null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terms.with(null, null, 366)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terms.with(" ", null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResultIsValidForTheVersionsValidityDays() {
        assertThat(new ValidityDays(30).validUntil(T0)).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    }

    @Test
    void idsThatWouldBreakCacheKeysAreRefused() {
        for (String bad : List.of("a.b", "a:b", "-a", "", "a b", "x".repeat(65))) {
            assertThatThrownBy(() -> new PriceListId(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (String bad : List.of("d.e", "a:b", "-x", "x".repeat(41))) {
            assertThatThrownBy(() -> PriceScope.of("EUR", bad, "web")).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PriceScope.of("EUR", "de", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new PriceListId("eu_standard-2").value()).isEqualTo("eu_standard-2");
    }

    @Test
    void anOfferingHasOnePricePerScope() {
        PricePoint web = new PricePoint(PriceScope.of("EUR", "de", "web"), Money.of("10.00", "EUR"), Money.of("1.00", "EUR"));
        PricePoint shop = new PricePoint(PriceScope.of("EUR", "de", "shop"), Money.of("10.00", "EUR"), Money.of("1.00", "EUR"));
        PricePoint webAgain = new PricePoint(PriceScope.of("EUR", "de", "web"), Money.of("12.00", "EUR"), Money.of("1.00", "EUR"));
        PricePoint.requireDistinctScopes(List.of(web, shop));
        assertThatThrownBy(() -> PricePoint.requireDistinctScopes(List.of(web, shop, webAgain)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR/de/web");
    }

    @Test
    void aPricesAmountsAreInTheCurrencyOfItsScopeAndStorable() {
        assertThatThrownBy(() -> new PricePoint(PriceScope.of("EUR", "de", "web"), Money.of("10.00", "USD"), Money.of("1.00", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PricePoint(PriceScope.of("EUR", "de", "web"), Money.of("1000000000000000.00", "EUR"),
                Money.of("1.00", "EUR"))).isInstanceOf(IllegalArgumentException.class);
    }
}
