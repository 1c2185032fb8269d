package dev.cpq.quote.core.entity;

import static dev.cpq.quote.core.entity.QuoteFixtures.NOW;
import static dev.cpq.quote.core.entity.QuoteFixtures.line;
import static dev.cpq.quote.core.entity.QuoteFixtures.price;
import static dev.cpq.quote.core.entity.QuoteFixtures.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuoteTest {

    private static String codeOf(Throwable e) {
        return ((ProblemException) e).problem().getCode();
    }

    @Test
    void aNewQuoteIsAnEmptyDraftValidForThirtyDays() {
        Quote q = QuoteFixtures.draft();
        assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(q.lines()).isEmpty();
        assertThat(q.revisionNo()).isEqualTo(1);
        assertThat(q.validUntil()).isEqualTo(NOW.plus(30, ChronoUnit.DAYS));
        assertThat(q.configurationHash()).isEmpty();
        assertThat(q.priceResultId()).isEmpty();
    }

    @Test
    void validityIsInTheFutureAndAtMostAYear() {
        assertThatThrownBy(() -> Quote.create(QuoteId.random(), "t1", "c", "EUR", "de", "web", "eu", "a", NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quote.create(QuoteId.random(), "t1", "c", "EUR", "de", "web", "eu", "a", NOW.plus(366, ChronoUnit.DAYS), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Quote.create(QuoteId.random(), "t1", "c", "EUR", "de", "web", "eu", "a", NOW.plus(5, ChronoUnit.DAYS), NOW).validUntil())
                .isEqualTo(NOW.plus(5, ChronoUnit.DAYS));
    }

    @Test
    void replacingLinesStartsANewRevisionWithTheConfigurationHashOfItsLines() {
        Quote q = QuoteFixtures.draft();
        RevisionId first = q.revisionId();
        q.replaceLines(List.of(line("fiber", "0"), line("tv", "5")), 7, NOW);
        assertThat(q.revisionId()).isNotEqualTo(first);
        assertThat(q.revisionNo()).isEqualTo(2);
        assertThat(q.catalogVersion()).contains(7L);
        assertThat(q.configurationHash()).contains(QuoteConfiguration.hashOf(List.of(QuoteFixtures.hash('a'), QuoteFixtures.hash('a'))));
        assertThat(q.configurationHash().get()).matches("cfg-sha256:[0-9a-f]{64}");
    }

    @Test
    void theQuoteConfigurationHashFollowsLineOrder() {
        String ab = QuoteConfiguration.hashOf(List.of(QuoteFixtures.hash('a'), QuoteFixtures.hash('b')));
        assertThat(ab).isEqualTo(QuoteConfiguration.hashOf(List.of(QuoteFixtures.hash('a'), QuoteFixtures.hash('b'))));
        assertThat(ab).isNotEqualTo(QuoteConfiguration.hashOf(List.of(QuoteFixtures.hash('b'), QuoteFixtures.hash('a'))));
    }

    @Test
    void pricingRecordsThePriceOfTheCurrentRevision() {
        Quote q = QuoteFixtures.priced(List.of());
        assertThat(q.status()).isEqualTo(QuoteStatus.PRICED);
        assertThat(q.priceListVersion()).contains(3L);
        assertThat(q.priceHash()).isPresent();
        assertThat(q.policyVersion()).contains(1L);
    }

    @Test
    void aQuoteWithoutLinesIsNotPriced() {
        Quote q = QuoteFixtures.draft();
        assertThatThrownBy(() -> q.recordPrice(q.revisionId(), price(7, List.of()), NOW)).satisfies(e -> assertThat(codeOf(e))
                .isEqualTo("QUOTE_HAS_NO_LINES"));
    }

    @Test
    void aPriceOfAnotherRevisionIsRefused() {
        Quote q = QuoteFixtures.configured(line("fiber", "0"));
        RevisionId old = q.revisionId();
        q.replaceLines(List.of(line("fiber", "1")), 7, NOW);
        assertThatThrownBy(() -> q.recordPrice(old, price(7, List.of()), NOW)).satisfies(e -> assertThat(codeOf(e))
                .isEqualTo("QUOTE_VERSION_CONFLICT"));
    }

    @Test
    void submitWithoutSignalsApprovesWithSignalsWaitsForAnApprover() {
        Quote auto = QuoteFixtures.priced(List.of());
        auto.submit(auto.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, List.of()), NOW);
        assertThat(auto.status()).isEqualTo(QuoteStatus.APPROVED);

        Quote waiting = QuoteFixtures.priced(List.of(signal(0, true)));
        waiting.submit(waiting.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, waiting.approvalSignals()), NOW);
        assertThat(waiting.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
    }

    @Test
    void aDiscountNoRoleMayApproveIsRefusedAtSubmit() {
        Quote q = QuoteFixtures.priced(List.of(signal(0, false)));
        assertThatThrownBy(() -> q.submit(q.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, q.approvalSignals()), NOW)).satisfies(e -> assertThat(codeOf(e))
                .isEqualTo("DISCOUNT_NOT_APPROVABLE"));
        assertThat(q.status()).isEqualTo(QuoteStatus.PRICED);
    }

    @Test
    void onlyAPricedQuoteIsSubmitted() {
        Quote q = QuoteFixtures.configured(line("fiber", "0"));
        assertThatThrownBy(() -> q.submit(q.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(0, java.math.BigDecimal.TEN, List.of()), NOW)).satisfies(e -> assertThat(codeOf(e)).isEqualTo("QUOTE_NOT_PRICED"));
    }

    @Test
    void decisionsMoveAPendingQuoteAndNeedTheCurrentRevisionAndPriceResult() {
        Quote q = pending();
        UUID price = q.priceResultId().orElseThrow();
        assertThatThrownBy(() -> q.decide(RevisionId.random(), price, true, NOW)).satisfies(e -> assertThat(codeOf(e)).isEqualTo("STALE_APPROVAL"));
        assertThatThrownBy(() -> q.decide(q.revisionId(), UUID.randomUUID(), true, NOW)).satisfies(e -> assertThat(codeOf(e))
                .isEqualTo("STALE_APPROVAL"));
        q.decide(q.revisionId(), price, true, NOW);
        assertThat(q.status()).isEqualTo(QuoteStatus.APPROVED);
        assertThatThrownBy(() -> q.decide(q.revisionId(), price, false, NOW)).satisfies(e -> assertThat(codeOf(e))
                .isEqualTo("QUOTE_NOT_PENDING_APPROVAL"));
    }

    @Test
    void aRejectedRevisionIsTerminalUntilANewRevisionReturnsTheQuoteToDraft() {
        Quote q = pending();
        RevisionId rejectedRevision = q.revisionId();
        q.decide(q.revisionId(), q.priceResultId().orElseThrow(), false, NOW);
        assertThat(q.status()).isEqualTo(QuoteStatus.REJECTED);
        assertThatThrownBy(() -> q.requirePriceable(NOW)).satisfies(e -> assertThat(codeOf(e)).isEqualTo("QUOTE_STATE_CONFLICT"));
        assertThatThrownBy(() -> q.submit(q.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, List.of()), NOW)).satisfies(e -> assertThat(codeOf(e)).isEqualTo("QUOTE_NOT_PRICED"));
        assertThatThrownBy(() -> q.accept(q.revisionId(), q.priceResultId().orElseThrow(), NOW)).satisfies(e -> assertThat(codeOf(e))
                .isEqualTo("QUOTE_NOT_APPROVED"));

        q.replaceLines(List.of(line("fiber", "5")), 7, NOW);
        assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(q.revisionId()).isNotEqualTo(rejectedRevision);
        assertThat(q.priceResultId()).isEmpty();
        assertThat(q.approvalSignals()).isEmpty();
    }

    @Test
    void acceptanceNeedsTheApprovedCurrentRevisionAndPriceAndEndsTheQuote() {
        Quote q = pending();
        UUID price = q.priceResultId().orElseThrow();
        assertThatThrownBy(() -> q.accept(q.revisionId(), price, NOW)).satisfies(e -> assertThat(codeOf(e)).isEqualTo("QUOTE_NOT_APPROVED"));
        q.decide(q.revisionId(), price, true, NOW);
        assertThatThrownBy(() -> q.accept(RevisionId.random(), price, NOW)).satisfies(e -> assertThat(codeOf(e)).isEqualTo("STALE_APPROVAL"));
        assertThatThrownBy(() -> q.accept(q.revisionId(), UUID.randomUUID(), NOW)).satisfies(e -> assertThat(codeOf(e))
                .isEqualTo("STALE_APPROVAL"));
        q.accept(q.revisionId(), price, NOW);
        assertThat(q.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThatThrownBy(() -> q.replaceLines(List.of(line("fiber", "1")), 7, NOW)).satisfies(e -> assertThat(codeOf(e))
                .isEqualTo("QUOTE_STATE_CONFLICT"));
        assertThatThrownBy(() -> q.accept(q.revisionId(), price, NOW)).satisfies(e -> assertThat(codeOf(e)).isEqualTo("QUOTE_NOT_APPROVED"));
    }

    @Test
    void anExpiredPriceOrQuoteIsNotAccepted() {
        Quote shortPrice = QuoteFixtures.configured(line("fiber", "0"));
        shortPrice.recordPrice(shortPrice.revisionId(), price(7, List.of(), NOW.plus(1, ChronoUnit.HOURS)), NOW);
        shortPrice.submit(shortPrice.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, List.of()), NOW);
        Instant later = NOW.plus(2, ChronoUnit.HOURS);
        assertThatThrownBy(() -> shortPrice.accept(shortPrice.revisionId(), shortPrice.priceResultId().orElseThrow(), later))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("QUOTE_PRICING_STALE"));

        Quote q = QuoteFixtures.priced(List.of());
        q.submit(q.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, List.of()), NOW);
        Instant afterValidity = q.validUntil();
        assertThatThrownBy(() -> q.accept(q.revisionId(), q.priceResultId().orElseThrow(), afterValidity))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo("QUOTE_EXPIRED"));
        assertThatThrownBy(() -> q.replaceLines(List.of(line("fiber", "1")), 7, afterValidity)).satisfies(e -> assertThat(codeOf(e))
                .isEqualTo("QUOTE_EXPIRED"));
    }

    @Test
    void repricingAnApprovedQuoteMakesItPricedAgain() {
        Quote q = QuoteFixtures.priced(List.of());
        q.submit(q.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, List.of()), NOW);
        UUID approvedPrice = q.priceResultId().orElseThrow();
        q.recordPrice(q.revisionId(), price(7, List.<ApprovalSignal>of()), NOW);
        assertThat(q.status()).isEqualTo(QuoteStatus.PRICED);
        assertThat(q.priceResultId()).isNotEqualTo(java.util.Optional.of(approvedPrice));
    }

    private static Quote pending() {
        Quote q = QuoteFixtures.priced(List.of(signal(0, true)));
        q.submit(q.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, q.approvalSignals()), NOW);
        return q;
    }
}
