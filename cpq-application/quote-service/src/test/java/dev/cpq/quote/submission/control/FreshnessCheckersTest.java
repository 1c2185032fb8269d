package dev.cpq.quote.submission.control;

import static dev.cpq.quote.core.entity.QuoteFixtures.NOW;
import static dev.cpq.quote.core.entity.QuoteFixtures.line;
import static dev.cpq.quote.core.entity.QuoteFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.quote.authority.entity.StalenessPolicy;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteFixtures;
import dev.cpq.quote.core.entity.QuoteLine;
import dev.cpq.quote.core.entity.QuoteStaleException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The submit freshness checks against fake catalog and pricing authorities, with plain JUnit. */
class FreshnessCheckersTest {

    private final FakeAuthorities.Catalog catalog = new FakeAuthorities.Catalog();
    private final FakeAuthorities.Pricing pricing = new FakeAuthorities.Pricing();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConfigurationFreshnessChecker configuration = new ConfigurationFreshnessChecker(catalog);
    private final QuotePricingFreshnessChecker prices = new QuotePricingFreshnessChecker(pricing);
    private final QuoteSubmitValidator validator = new QuoteSubmitValidator(configuration, prices, new StaleRejections(registry));

    private static Quote priced(StalenessPolicy policy, Instant validUntil, QuoteLine... lines) {
        return pricedAt(NOW, policy, validUntil, lines);
    }

    private static Quote pricedAt(Instant pricedAt, StalenessPolicy policy, Instant validUntil, QuoteLine... lines) {
        Quote q = QuoteFixtures.configured(lines);
        q.ownedBy(java.util.Set.of("SALES_AGENT"));
        PriceResult p = price(7, List.of(), validUntil);
        q.recordPrice(q.revisionId(), new PriceResult(p.priceResultId(), 3, 7, 1, p.priceHash(), p.lines(), p.totals(), validUntil, policy,
                List.of(), pricedAt), NOW);
        return q;
    }

    private static final java.util.Set<String> AGENT = java.util.Set.of("SALES_AGENT");

    private static Quote priced() {
        return priced(StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH, NOW.plus(30, ChronoUnit.DAYS), line("fiber", "0"), line("tv", "0"));
    }

    /** As a submit does: both asked at once, then judged. */
    private QuoteSubmitValidator.Confirmed validate(Quote q, Instant now) {
        return validator.judge(q, validator.ask(q), AGENT, now);
    }

    private dev.cpq.quote.core.entity.ApprovalRequirement requirement(Quote q) {
        return prices.requirement(q, AGENT, prices.ask(q), prices.askPolicy());
    }

    /** As an accept does: pricing asked, then the price judged. */
    private void checkPrice(Quote q, Instant now) {
        prices.checkPrice(q, now, prices.ask(q));
    }

    private static String code(Throwable e) {
        return ((QuoteStaleException) e).code();
    }

    @Test
    void aFreshQuotePassesAndEveryLineIsRevalidatedOnTheRecordedVersionInOneCall() {
        Quote q = priced();
        assertThatCode(() -> validate(q, NOW)).doesNotThrowAnyException();
        assertThat(catalog.askedVersions).containsExactly(7L, 7L);
        assertThat(catalog.asked).isEqualTo(1);
        assertThat(pricing.policyAsked).as("the policy in force is asked once, with the other reads").isEqualTo(1);
    }

    @Test
    void anotherActiveCatalogVersionIsCatalogVersionStale() {
        catalog.active = java.util.OptionalLong.of(8);
        assertThatThrownBy(() -> configuration.check(priced(), configuration.ask(priced()))).satisfies(e -> {
            assertThat(code(e)).isEqualTo("CATALOG_VERSION_STALE");
            assertThat(((QuoteStaleException) e).problem().getExtensions()).containsEntry("currentVersion", 8L).containsKey("remediation");
        });
        catalog.active = java.util.OptionalLong.empty();
        assertThatThrownBy(() -> configuration.check(priced(), configuration.ask(priced()))).satisfies(e -> assertThat(code(e)).isEqualTo("CATALOG_VERSION_STALE"));
    }

    @Test
    void aConfigurationThatIsInvalidOrHashesDifferentlyNowIsConfigurationStale() {
        catalog.valid = false;
        assertThatThrownBy(() -> configuration.check(priced(), configuration.ask(priced()))).satisfies(e -> assertThat(code(e)).isEqualTo("CONFIGURATION_STALE"));
        catalog.valid = true;
        catalog.hash = QuoteFixtures.hash('z');
        assertThatThrownBy(() -> configuration.check(priced(), configuration.ask(priced()))).satisfies(e -> assertThat(code(e)).isEqualTo("CONFIGURATION_STALE"));
        catalog.hash = QuoteFixtures.hash('a');
        catalog.refuse = true;
        assertThatThrownBy(() -> configuration.check(priced(), configuration.ask(priced()))).satisfies(e -> assertThat(code(e)).isEqualTo("CONFIGURATION_STALE"));
    }

    @Test
    void repriceRequiredOnPublishNeedsTheActivePriceListVersion() {
        pricing.activeVersion = 4;
        assertThatThrownBy(() -> checkPrice(priced(), NOW)).satisfies(e -> {
            assertThat(code(e)).isEqualTo("QUOTE_PRICING_STALE");
            assertThat(((QuoteStaleException) e).problem().getExtensions()).containsEntry("currentVersion", 4L).containsKey("remediation");
        });
    }

    @Test
    void validUntilQuoteExpiryAcceptsAnOlderVersionWhileThePriceIsValid() {
        Quote q = priced(StalenessPolicy.VALID_UNTIL_QUOTE_EXPIRY, NOW.plus(2, ChronoUnit.DAYS), line("fiber", "0"));
        pricing.activeVersion = 4;
        pricing.newerPublishedAt = NOW.plusSeconds(1); // published after the quote was priced
        assertThatCode(() -> checkPrice(q, NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> checkPrice(q, NOW.plus(2, ChronoUnit.DAYS))).satisfies(e -> assertThat(code(e))
                .isEqualTo("QUOTE_PRICING_STALE"));
        // a recorded version newer than the active one is never fresh (rolled back, or corrupt)
        pricing.activeVersion = 2;
        assertThatThrownBy(() -> checkPrice(q, NOW)).satisfies(e -> assertThat(code(e)).isEqualTo("QUOTE_PRICING_STALE"));
    }

    @Test
    void aResultPricedOnAnOlderVersionAfterANewerPublicationIsStaleWhateverItsPolicy() {
        pricing.activeVersion = 4;
        pricing.newerPublishedAt = NOW.minusSeconds(60);
        Quote late = pricedAt(NOW, StalenessPolicy.VALID_UNTIL_QUOTE_EXPIRY, NOW.plus(2, ChronoUnit.DAYS), line("fiber", "0"));
        assertThatThrownBy(() -> checkPrice(late, NOW)).satisfies(e -> {
            assertThat(code(e)).isEqualTo("QUOTE_PRICING_STALE");
            assertThat(((QuoteStaleException) e).problem().getExtensions()).containsKey("newerVersionPublishedAt");
        });
        Quote early = pricedAt(NOW.minusSeconds(61), StalenessPolicy.VALID_UNTIL_QUOTE_EXPIRY, NOW.plus(2, ChronoUnit.DAYS), line("fiber", "0"));
        assertThatCode(() -> checkPrice(early, NOW)).as("priced before the publication").doesNotThrowAnyException();
        Quote unknown = pricedAt(null, StalenessPolicy.VALID_UNTIL_QUOTE_EXPIRY, NOW.plus(2, ChronoUnit.DAYS), line("fiber", "0"));
        assertThatThrownBy(() -> checkPrice(unknown, NOW)).as("an unknown pricing time counts as late")
                .satisfies(e -> assertThat(code(e)).isEqualTo("QUOTE_PRICING_STALE"));
    }

    @Test
    void anExpiredPriceResultIsStaleWhateverThePolicy() {
        Quote q = priced();
        assertThatThrownBy(() -> checkPrice(q, NOW.plus(31, ChronoUnit.DAYS))).satisfies(e -> assertThat(code(e))
                .isEqualTo("QUOTE_PRICING_STALE"));
    }

    @Test
    void theRequirementIsDecidedFromThePolicyInForceWhateverPricingRecorded() {
        Quote q = priced(StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH, NOW.plus(30, ChronoUnit.DAYS), line("fiber", "5"), line("tv", "15"),
                line("dsl", "25"));
        pricing.policy(2, "10", "20");
        dev.cpq.quote.core.entity.ApprovalRequirement now = requirement(q);
        assertThat(now.policyVersion()).isEqualTo(2);
        assertThat(now.signals()).extracting(ApprovalSignal::lineIndex, ApprovalSignal::requiredRole, ApprovalSignal::approvable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "SALES_MANAGER", true),
                        org.assertj.core.groups.Tuple.tuple(2, "SALES_MANAGER", false));
    }

    @Test
    void withoutAPolicyEveryDiscountNeedsAManager() {
        Quote q = priced(StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH, NOW.plus(30, ChronoUnit.DAYS), line("fiber", "0"), line("tv", "1"));
        pricing.policy(0, null, null);
        assertThat(requirement(q).signals()).singleElement().satisfies(s -> {
            assertThat(s.lineIndex()).isEqualTo(1);
            assertThat(s.approvable()).isTrue();
        });
    }

    @Test
    void refusalsAreCountedByCodeInAFixedOrder() {
        catalog.active = java.util.OptionalLong.of(8);
        pricing.activeVersion = 4;
        Quote q = priced();
        assertThatThrownBy(() -> validate(q, NOW)).satisfies(e -> assertThat(code(e)).isEqualTo("CATALOG_VERSION_STALE"));
        catalog.active = java.util.OptionalLong.of(7);
        assertThatThrownBy(() -> validate(q, NOW)).satisfies(e -> assertThat(code(e)).isEqualTo("QUOTE_PRICING_STALE"));
        assertThatThrownBy(() -> validate(q, NOW)).satisfies(e -> assertThat(code(e)).isEqualTo("QUOTE_PRICING_STALE"));
        assertThat(registry.counter(StaleRejections.METER, "code", "CATALOG_VERSION_STALE").count()).isEqualTo(1);
        assertThat(registry.counter(StaleRejections.METER, "code", "QUOTE_PRICING_STALE").count()).isEqualTo(2);
    }
}
