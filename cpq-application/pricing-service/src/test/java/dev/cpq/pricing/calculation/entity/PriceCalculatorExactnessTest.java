package dev.cpq.pricing.calculation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.pricing.money.entity.DiscountPercent;
import dev.cpq.pricing.money.entity.Money;
import dev.cpq.pricing.pricelist.entity.PricePoint;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The arithmetic to the last digit. Expected amounts were computed independently (Python's decimal,
 * ROUND_HALF_EVEN) from the definition in {@link PricedLine}; they are compared as text, so the scale
 * (the currency's) is checked too.
 */
class PriceCalculatorExactnessTest {

    @ParameterizedTest(name = "{0} {1}/{2} x{3} for {4} months at {5}%")
    @CsvSource({
            // currency, unit one-time, unit monthly, qty, months, discount %, listOneTime, listRecurringMonthly, listRecurringTotal,
            // listTotal, netOneTime, netRecurringMonthly, netRecurringTotal, discountAmount, netTotal
            "EUR, 99.99, 19.95, 3, 12, 7.5, 299.97, 59.85, 718.20, 1018.17, 277.47, 55.36, 664.32, 76.38, 941.79",
            "EUR, 99.99, 19.95, 1, 0, 0, 99.99, 19.95, 0.00, 99.99, 99.99, 19.95, 0.00, 0.00, 99.99",
            "EUR, 0.25, 0, 1, 0, 10, 0.25, 0.00, 0.00, 0.25, 0.22, 0.00, 0.00, 0.03, 0.22",
            "EUR, 0.35, 0, 1, 0, 10, 0.35, 0.00, 0.00, 0.35, 0.32, 0.00, 0.00, 0.03, 0.32",
            "EUR, 1234.56, 49.99, 1000, 36, 12.34, 1234560.00, 49990.00, 1799640.00, 3034200.00, 1082215.30, 43821.23, 1577564.28, 374420.42, 2659779.58",
            "JPY, 12345, 999, 1000, 36, 12.34, 12345000, 999000, 35964000, 48309000, 10821627, 875723, 31526028, 5961345, 42347655",
            "JPY, 1050, 333, 3, 12, 7.5, 3150, 999, 11988, 15138, 2914, 924, 11088, 1136, 14002",
            "JPY, 5, 5, 1, 12, 10, 5, 5, 60, 65, 4, 4, 48, 13, 52",
            "BHD, 12.345, 1.005, 3, 12, 12.34, 37.035, 3.015, 36.180, 73.215, 32.465, 2.643, 31.716, 9.034, 64.181",
            "BHD, 0.005, 0.015, 1, 36, 10, 0.005, 0.015, 0.540, 0.545, 0.004, 0.014, 0.504, 0.037, 0.508",
            "USD, 100.00, 25.50, 3, 36, 100, 300.00, 76.50, 2754.00, 3054.00, 0.00, 0.00, 0.00, 3054.00, 0.00",
            "USD, 19.99, 9.99, 1000, 12, 0, 19990.00, 9990.00, 119880.00, 139870.00, 19990.00, 9990.00, 119880.00, 0.00, 139870.00",
            "USD, 0.01, 0.03, 1, 12, 12.34, 0.01, 0.03, 0.36, 0.37, 0.01, 0.03, 0.36, 0.00, 0.37"})
    void aLineIsPricedExactlyToTheLastDigit(String currency, String unitOneTime, String unitMonthly, int quantity, int months, String discount,
            String listOneTime, String listRecurringMonthly, String listRecurringTotal, String listTotal, String netOneTime,
            String netRecurringMonthly, String netRecurringTotal, String discountAmount, String netTotal) {
        PriceCalculator.Priced priced = PriceCalculator.price(Currency.getInstance(currency),
                List.of(line("o-1", quantity, months, discount)), prices(currency, Map.of("o-1", new String[] {unitOneTime, unitMonthly})));

        PricedLine l = priced.lines().get(0);
        assertThat(text(l.listOneTime())).isEqualTo(listOneTime);
        assertThat(text(l.listRecurringMonthly())).isEqualTo(listRecurringMonthly);
        assertThat(text(l.listRecurringTotal())).isEqualTo(listRecurringTotal);
        assertThat(text(l.listTotal())).isEqualTo(listTotal);
        assertThat(text(l.netOneTime())).isEqualTo(netOneTime);
        assertThat(text(l.netRecurringMonthly())).isEqualTo(netRecurringMonthly);
        assertThat(text(l.netRecurringTotal())).isEqualTo(netRecurringTotal);
        assertThat(text(l.discountAmount())).isEqualTo(discountAmount);
        assertThat(text(l.netTotal())).isEqualTo(netTotal);
        // one line: the totals are that line
        assertThat(text(priced.totals().listTotal())).isEqualTo(listTotal);
        assertThat(text(priced.totals().discountTotal())).isEqualTo(discountAmount);
        assertThat(text(priced.totals().netTotal())).isEqualTo(netTotal);
        assertThat(text(priced.totals().oneTimeTotal())).isEqualTo(netOneTime);
        assertThat(text(priced.totals().recurringMonthlyTotal())).isEqualTo(netRecurringMonthly);
        assertThat(text(priced.totals().recurringTotal())).isEqualTo(netRecurringTotal);
    }

    @Test
    void totalsAreExactlyTheSumOfTheLines() {
        List<CalculationLine> lines = List.of(line("a", 3, 12, "7.5"), line("b", 1, 0, "12.34"), line("a", 1000, 36, "100"),
                line("c", 7, 24, "0"), line("b", 13, 1, "33.33"));
        PriceCalculator.Priced priced = PriceCalculator.price(Currency.getInstance("EUR"), lines,
                prices("EUR", Map.of("a", new String[] {"99.99", "19.95"}, "b", new String[] {"0.35", "0.25"}, "c", new String[] {"0", "4.99"})));

        assertThat(priced.lines()).extracting(PricedLine::lineIndex).containsExactly(0, 1, 2, 3, 4);
        assertThat(text(priced.totals().listTotal())).isEqualTo(text(sum(priced.lines(), PricedLine::listTotal)));
        assertThat(text(priced.totals().discountTotal())).isEqualTo(text(sum(priced.lines(), PricedLine::discountAmount)));
        assertThat(text(priced.totals().netTotal())).isEqualTo(text(sum(priced.lines(), PricedLine::netTotal)));
        assertThat(text(priced.totals().oneTimeTotal())).isEqualTo(text(sum(priced.lines(), PricedLine::netOneTime)));
        assertThat(text(priced.totals().recurringMonthlyTotal())).isEqualTo(text(sum(priced.lines(), PricedLine::netRecurringMonthly)));
        assertThat(text(priced.totals().recurringTotal())).isEqualTo(text(sum(priced.lines(), PricedLine::netRecurringTotal)));
        assertThat(priced.totals().netTotal()).isEqualTo(priced.totals().oneTimeTotal().add(priced.totals().recurringTotal()));
        assertThat(priced.totals().netTotal()).isEqualTo(priced.totals().listTotal().subtract(priced.totals().discountTotal()));
    }

    /** Every combination of the table's dimensions keeps the invariants, in every currency. */
    @Test
    void everyCombinationKeepsTheInvariants() {
        for (String currency : List.of("EUR", "JPY", "BHD", "USD")) {
            Currency c = Currency.getInstance(currency);
            int scale = c.getDefaultFractionDigits();
            String[] units = scale == 0 ? new String[] {"12345", "999"} : scale == 3 ? new String[] {"12.345", "1.005"} : new String[] {"99.99", "19.95"};
            List<CalculationLine> lines = new ArrayList<>();
            for (String discount : List.of("0", "7.5", "12.34", "100")) {
                for (int quantity : new int[] {1, 3, 1000}) {
                    for (int months : new int[] {0, 12, 36}) {
                        lines.add(line("o", quantity, months, discount));
                    }
                }
            }
            for (int from = 0; from < lines.size(); from += 100) {
                List<CalculationLine> batch = lines.subList(from, Math.min(lines.size(), from + 100));
                PriceCalculator.Priced priced = PriceCalculator.price(c, batch, prices(currency, Map.of("o", units)));
                for (PricedLine l : priced.lines()) {
                    assertThat(List.of(l.listOneTime(), l.listRecurringMonthly(), l.listRecurringTotal(), l.listTotal(), l.netOneTime(),
                            l.netRecurringMonthly(), l.netRecurringTotal(), l.discountAmount(), l.netTotal()))
                            .allSatisfy(a -> {
                                assertThat(a.scale()).isEqualTo(scale);
                                assertThat(a.signum()).isGreaterThanOrEqualTo(0);
                            });
                    assertThat(l.netTotal().add(l.discountAmount())).isEqualTo(l.listTotal());
                    assertThat(l.netRecurringTotal()).isEqualTo(l.netRecurringMonthly().multiply(BigDecimal.valueOf(l.termMonths())));
                    assertThat(l.netTotal()).isLessThanOrEqualTo(l.listTotal());
                }
                assertThat(priced.totals().netTotal()).isEqualTo(sum(priced.lines(), PricedLine::netTotal));
                assertThat(priced.totals().listTotal()).isEqualTo(sum(priced.lines(), PricedLine::listTotal));
                assertThat(priced.totals().discountTotal()).isEqualTo(sum(priced.lines(), PricedLine::discountAmount));
            }
        }
    }

    @Test
    void aFullDiscountLeavesNothingToPayAndAZeroDiscountChangesNothing() {
        PriceCalculator.Priced full = PriceCalculator.price(Currency.getInstance("USD"), List.of(line("o", 3, 12, "100")),
                prices("USD", Map.of("o", new String[] {"10.00", "5.00"})));
        assertThat(text(full.totals().netTotal())).isEqualTo("0.00");
        assertThat(text(full.totals().discountTotal())).isEqualTo(text(full.totals().listTotal()));
        PriceCalculator.Priced none = PriceCalculator.price(Currency.getInstance("USD"), List.of(line("o", 3, 12, "0")),
                prices("USD", Map.of("o", new String[] {"10.00", "5.00"})));
        assertThat(text(none.totals().discountTotal())).isEqualTo("0.00");
        assertThat(none.totals().netTotal()).isEqualTo(none.totals().listTotal());
    }

    static CalculationLine line(String offering, int quantity, int months, String discount) {
        return CalculationLine.of(offering, Map.of("speed", "100"), quantity, months, DiscountPercent.of(discount));
    }

    static Function<String, PricePoint> prices(String currency, Map<String, String[]> units) {
        return offering -> {
            String[] u = units.get(offering);
            return new PricePoint(PriceScope.of(currency, "de", "web"), Money.of(u[0], currency), Money.of(u[1], currency));
        };
    }

    private static BigDecimal sum(List<PricedLine> lines, Function<PricedLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal::add).orElseThrow();
    }

    private static String text(BigDecimal amount) {
        return amount.toPlainString();
    }
}
