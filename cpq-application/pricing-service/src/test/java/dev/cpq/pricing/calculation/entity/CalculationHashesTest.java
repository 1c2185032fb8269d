package dev.cpq.pricing.calculation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.pricing.approval.entity.ApprovalThresholds;
import dev.cpq.pricing.approval.entity.ApproverRole;
import dev.cpq.pricing.approval.entity.CallerClass;
import dev.cpq.pricing.money.entity.DiscountPercent;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import dev.cpq.pricing.pricelist.entity.StalenessPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalculationHashesTest {

    private static final PriceListId EU = new PriceListId("eu-standard");

    private static CalculationInput input(List<CalculationLine> lines) {
        return new CalculationInput(Optional.empty(), 7, PriceScope.of("EUR", "de", "web"), lines);
    }

    private static CalculationLine line(Map<String, String> options, int quantity, int months, String discount) {
        return CalculationLine.of("fiber-100", options, quantity, months, DiscountPercent.of(discount));
    }

    private static String hash(CalculationInput in) {
        return CalculationHashes.inputHash(in, EU, 3, 7, 2, CallerClass.SALES_AGENT);
    }

    @Test
    void theSameInputOnTheSameVersionsHasTheSameHashes() {
        CalculationInput a = input(List.of(line(Map.of("speed", "100", "router", "yes"), 3, 12, "7.5")));
        CalculationInput b = input(List.of(line(Map.of("speed", "100", "router", "yes"), 3, 12, "7.50")));
        assertThat(hash(a)).isEqualTo(hash(b)).startsWith("in-sha256:").hasSize("in-sha256:".length() + 64);
        assertThat(CalculationHashes.priceHash(content(a))).isEqualTo(CalculationHashes.priceHash(content(b))).startsWith("price-sha256:");
    }

    @Test
    void theOrderOfOptionsDoesNotMatter() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("speed", "100");
        one.put("router", "yes");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("router", "yes");
        other.put("speed", "100");
        assertThat(hash(input(List.of(line(one, 1, 12, "0"))))).isEqualTo(hash(input(List.of(line(other, 1, 12, "0")))));
    }

    @Test
    void anyChangeOfTheInputChangesTheInputHash() {
        CalculationInput base = input(List.of(line(Map.of("speed", "100"), 3, 12, "7.5")));
        String h = hash(base);
        assertThat(hash(input(List.of(line(Map.of("speed", "100"), 4, 12, "7.5"))))).as("quantity").isNotEqualTo(h);
        assertThat(hash(input(List.of(line(Map.of("speed", "100"), 3, 24, "7.5"))))).as("term").isNotEqualTo(h);
        assertThat(hash(input(List.of(line(Map.of("speed", "100"), 3, 12, "7.51"))))).as("discount").isNotEqualTo(h);
        assertThat(hash(input(List.of(line(Map.of("speed", "250"), 3, 12, "7.5"))))).as("option value").isNotEqualTo(h);
        assertThat(hash(input(List.of(line(Map.of(), 3, 12, "7.5"))))).as("options").isNotEqualTo(h);
        assertThat(hash(new CalculationInput(Optional.empty(), 7, PriceScope.of("USD", "de", "web"), base.lines()))).as("currency")
                .isNotEqualTo(h);
        assertThat(hash(new CalculationInput(Optional.empty(), 7, PriceScope.of("EUR", "at", "web"), base.lines()))).as("market")
                .isNotEqualTo(h);
        assertThat(hash(new CalculationInput(Optional.empty(), 7, PriceScope.of("EUR", "de", "shop"), base.lines()))).as("channel")
                .isNotEqualTo(h);
        CalculationLine other = CalculationLine.of("fiber-250", Map.of("speed", "100"), 3, 12, DiscountPercent.of("7.5"));
        assertThat(hash(input(List.of(other)))).as("offering").isNotEqualTo(h);
        CalculationLine first = base.lines().get(0);
        assertThat(hash(input(List.of(first, other)))).as("order of lines").isNotEqualTo(hash(input(List.of(other, first))));
    }

    @Test
    void anyChangeOfAVersionOrCallerClassChangesTheInputHash() {
        CalculationInput in = input(List.of(line(Map.of("speed", "100"), 3, 12, "7.5")));
        String h = CalculationHashes.inputHash(in, EU, 3, 7, 2, CallerClass.SALES_AGENT);
        assertThat(CalculationHashes.inputHash(in, EU, 4, 7, 2, CallerClass.SALES_AGENT)).as("price list version").isNotEqualTo(h);
        assertThat(CalculationHashes.inputHash(in, EU, 3, 8, 2, CallerClass.SALES_AGENT)).as("catalog version").isNotEqualTo(h);
        assertThat(CalculationHashes.inputHash(in, EU, 3, 7, 3, CallerClass.SALES_AGENT)).as("policy version").isNotEqualTo(h);
        assertThat(CalculationHashes.inputHash(in, EU, 3, 7, 2, CallerClass.PARTNER)).as("caller class").isNotEqualTo(h);
        assertThat(CalculationHashes.inputHash(in, new PriceListId("us"), 3, 7, 2, CallerClass.SALES_AGENT)).as("price list")
                .isNotEqualTo(h);
    }

    @Test
    void aDifferentOutputHasADifferentPriceHash() {
        PricedContent content = content(input(List.of(line(Map.of("speed", "100"), 3, 12, "7.5"))));
        String h = CalculationHashes.priceHash(content);

        PriceTotals t = content.totals();
        PricedContent otherTotal = with(content, content.lines(), new PriceTotals(t.listTotal(), t.discountTotal(),
                t.netTotal().add(new BigDecimal("0.01")), t.oneTimeTotal(), t.recurringMonthlyTotal(), t.recurringTotal()));
        assertThat(CalculationHashes.priceHash(otherTotal)).as("a total").isNotEqualTo(h);

        PricedLine l = content.lines().get(0);
        PricedLine cheaper = new PricedLine(l.lineIndex(), l.offeringId(), l.options(), l.quantity(), l.termMonths(), l.discountPercent(),
                l.unitOneTime(), l.unitRecurringMonthly(), l.listOneTime(), l.listRecurringMonthly(), l.listRecurringTotal(), l.listTotal(),
                l.netOneTime().subtract(new BigDecimal("0.01")), l.netRecurringMonthly(), l.netRecurringTotal(), l.discountAmount(),
                l.netTotal());
        assertThat(CalculationHashes.priceHash(with(content, List.of(cheaper), t))).as("a line amount").isNotEqualTo(h);

        PricedContent newerList = new PricedContent(content.priceListId(), 4, content.catalogVersion(), content.policyVersion(),
                content.callerClass(), content.currency(), content.market(), content.channel(), content.stalenessPolicy(), content.lines(),
                content.totals(), content.approvalSignals());
        assertThat(CalculationHashes.priceHash(newerList)).as("a version").isNotEqualTo(h);

        var signals = new ArrayList<>(content.approvalSignals());
        signals.add(new ApprovalThresholds(2, List.of(new ApprovalThresholds.Limit(ApproverRole.SALES_AGENT, BigDecimal.ONE)))
                .signalFor(0, "fiber-100", DiscountPercent.of("7.5"), CallerClass.SALES_AGENT).orElseThrow());
        PricedContent signalled = new PricedContent(content.priceListId(), content.priceListVersion(), content.catalogVersion(),
                content.policyVersion(), content.callerClass(), content.currency(), content.market(), content.channel(),
                content.stalenessPolicy(), content.lines(), content.totals(), signals);
        assertThat(CalculationHashes.priceHash(signalled)).as("a signal").isNotEqualTo(h);
    }

    @Test
    void theDigestIsTheHashWithoutItsPrefix() {
        String h = hash(input(List.of(line(Map.of(), 1, 0, "0"))));
        assertThat(CalculationHashes.digestOf(h)).hasSize(64).doesNotContain(":");
        assertThat(h).endsWith(CalculationHashes.digestOf(h));
    }

    private static PricedContent with(PricedContent c, List<PricedLine> lines, PriceTotals totals) {
        return new PricedContent(c.priceListId(), c.priceListVersion(), c.catalogVersion(), c.policyVersion(), c.callerClass(), c.currency(),
                c.market(), c.channel(), c.stalenessPolicy(), lines, totals, c.approvalSignals());
    }

    static PricedContent content(CalculationInput in) {
        PriceCalculator.Priced priced = PriceCalculator.price(Currency.getInstance("EUR"), in.lines(),
                PriceCalculatorExactnessTest.prices("EUR", Map.of("fiber-100", new String[] {"99.99", "19.95"},
                        "fiber-250", new String[] {"149.99", "29.95"})));
        return new PricedContent(EU.value(), 3, 7, 2, CallerClass.SALES_AGENT, "EUR", "de", "web", StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH,
                priced.lines(), priced.totals(), List.of());
    }
}
