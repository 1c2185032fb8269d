package dev.cpq.pricing.calculation.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.platform.json.control.JsonDialect;
import dev.cpq.pricing.approval.entity.ApprovalSignal;
import dev.cpq.pricing.approval.entity.ApprovalThresholds;
import dev.cpq.pricing.approval.entity.ApproverRole;
import dev.cpq.pricing.approval.entity.CallerClass;
import dev.cpq.pricing.calculation.entity.CalculationHashes;
import dev.cpq.pricing.calculation.entity.CalculationLine;
import dev.cpq.pricing.calculation.entity.PriceCalculator;
import dev.cpq.pricing.calculation.entity.PriceSlice;
import dev.cpq.pricing.calculation.entity.PricedCalculation;
import dev.cpq.pricing.calculation.entity.PricedContent;
import dev.cpq.pricing.money.entity.DiscountPercent;
import dev.cpq.pricing.money.entity.Money;
import dev.cpq.pricing.pricelist.entity.PricePoint;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import dev.cpq.pricing.pricelist.entity.StalenessPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Cached values and stored bodies survive the suite's strict JSON dialect (the cache's mapper) unchanged,
 * amounts with their scale: a value that cannot be read back would be evicted on every hit.
 */
class CachedValuesJsonTest {

    private final ObjectMapper json = JsonDialect.strictMapper();

    private static PricedCalculation result() {
        PricePoint unit = new PricePoint(PriceScope.of("EUR", "de", "web"), Money.of("99.99", "EUR"), Money.of("19.95", "EUR"));
        List<CalculationLine> lines = List.of(CalculationLine.of("fiber-100", Map.of("speed", "100", "router", "yes"), 3, 12,
                DiscountPercent.of("12.5")));
        PriceCalculator.Priced priced = PriceCalculator.price(Currency.getInstance("EUR"), lines, o -> unit);
        ApprovalSignal signal = new ApprovalThresholds(2, List.of(new ApprovalThresholds.Limit(ApproverRole.SALES_AGENT, BigDecimal.TEN)))
                .signalFor(0, "fiber-100", DiscountPercent.of("12.5"), CallerClass.SALES_AGENT).orElseThrow();
        PricedContent content = new PricedContent("eu-standard", 3, 7, 2, CallerClass.SALES_AGENT, "EUR", "de", "web",
                StalenessPolicy.VALID_UNTIL_QUOTE_EXPIRY, priced.lines(), priced.totals(), List.of(signal));
        Instant at = Instant.parse("2026-03-01T10:15:30.123Z");
        return new PricedCalculation(UUID.randomUUID(), "in-sha256:" + "a".repeat(64), CalculationHashes.priceHash(content), at,
                at.plusSeconds(86_400 * 30), content);
    }

    @Test
    void aPriceResultReadsBackEqual() throws Exception {
        PricedCalculation result = result();
        String text = json.writeValueAsString(result);
        assertThat(text).contains("\"netTotal\":").contains("\"listOneTime\":299.97").doesNotContain("E+");
        PricedCalculation back = json.readValue(text, PricedCalculation.class);
        assertThat(back).isEqualTo(result);
        assertThat(back.content().lines().get(0).unitOneTime().toPlainString()).isEqualTo("99.99");
        assertThat(CalculationHashes.priceHash(back.content())).isEqualTo(result.priceHash());
    }

    @Test
    void aStoredBodyReadsBackEqual() throws Exception {
        PricedContent c = result().content();
        JdbcPriceResults.Body body = new JdbcPriceResults.Body(c.lines(), c.totals(), c.approvalSignals());
        assertThat(json.readValue(json.writeValueAsString(body), JdbcPriceResults.Body.class)).isEqualTo(body);
    }

    @Test
    void slicesAndThresholdsReadBackEqual() throws Exception {
        PriceScope scope = PriceScope.of("JPY", "jp", "partner");
        PriceSlice priced = PriceSlice.of("jp", 4, "fiber-100", scope,
                Optional.of(new PricePoint(scope, Money.of("1050", "JPY"), Money.of("0", "JPY"))));
        PriceSlice absent = PriceSlice.of("jp", 4, "fiber-200", scope, Optional.empty());
        assertThat(json.readValue(json.writeValueAsString(priced), PriceSlice.class)).isEqualTo(priced);
        assertThat(json.readValue(json.writeValueAsString(absent), PriceSlice.class)).isEqualTo(absent);
        assertThat(json.readValue(json.writeValueAsString(priced), PriceSlice.class).price()).isPresent();
        assertThat(json.readValue(json.writeValueAsString(absent), PriceSlice.class).price()).isEmpty();

        ApprovalThresholds thresholds = new ApprovalThresholds(3, List.of(new ApprovalThresholds.Limit(ApproverRole.SALES_AGENT,
                new BigDecimal("7.50")), new ApprovalThresholds.Limit(ApproverRole.SALES_MANAGER, new BigDecimal("25.00"))));
        assertThat(json.readValue(json.writeValueAsString(thresholds), ApprovalThresholds.class)).isEqualTo(thresholds);
    }

    @Test
    void aResultIsReusedOnlyWhileItIsValidForMoreThanADay() {
        PricedCalculation r = result();
        assertThat(r.reusableAt(r.pricedAt())).isTrue();
        assertThat(r.reusableAt(r.validUntil().minusSeconds(86_401))).isTrue();
        assertThat(r.reusableAt(r.validUntil().minusSeconds(86_400))).isFalse();
    }
}
