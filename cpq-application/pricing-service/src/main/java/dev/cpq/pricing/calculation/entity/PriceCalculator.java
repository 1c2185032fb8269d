package dev.cpq.pricing.calculation.entity;

import dev.cpq.pricing.money.entity.Money;
import dev.cpq.pricing.pricelist.entity.PricePoint;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;

/**
 * The arithmetic of a price calculation (see {@link PricedLine} for the definition): BigDecimal only,
 * half-even at the currency's scale, per line, then summed exactly, so totals always equal the sum of
 * the lines to the last digit.
 */
public final class PriceCalculator {

    /** The priced lines in input order and their totals. */
    public record Priced(List<PricedLine> lines, PriceTotals totals) {}

    private PriceCalculator() {}

    /** @param prices the unit prices of an offering in the calculation's scope */
    public static Priced price(Currency currency, List<CalculationLine> lines, Function<String, PricePoint> prices) {
        Money listTotal = Money.zero(currency);
        Money discountTotal = Money.zero(currency);
        Money netTotal = Money.zero(currency);
        Money oneTimeTotal = Money.zero(currency);
        Money recurringMonthlyTotal = Money.zero(currency);
        Money recurringTotal = Money.zero(currency);
        List<PricedLine> priced = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            CalculationLine line = lines.get(i);
            PricePoint unit = prices.apply(line.offeringId());
            if (!unit.scope().currency().equals(currency)) {
                throw new IllegalArgumentException("the price of " + line.offeringId() + " is in " + unit.scope().currencyCode() + ", not " + currency);
            }
            Money listOneTime = unit.oneTime().times(line.quantity());
            Money listRecurringMonthly = unit.recurringMonthly().times(line.quantity());
            Money listRecurringTotal = listRecurringMonthly.times(line.termMonths());
            Money lineList = listOneTime.plus(listRecurringTotal);
            Money netOneTime = listOneTime.discountedBy(line.discount());
            Money netRecurringMonthly = listRecurringMonthly.discountedBy(line.discount());
            Money netRecurringTotal = netRecurringMonthly.times(line.termMonths());
            Money lineNet = netOneTime.plus(netRecurringTotal);
            Money lineDiscount = lineList.minus(lineNet);
            priced.add(new PricedLine(i, line.offeringId(), line.options(), line.quantity(), line.termMonths(), line.discount().value(),
                    unit.oneTime().amount(), unit.recurringMonthly().amount(), listOneTime.amount(), listRecurringMonthly.amount(),
                    listRecurringTotal.amount(), lineList.amount(), netOneTime.amount(), netRecurringMonthly.amount(),
                    netRecurringTotal.amount(), lineDiscount.amount(), lineNet.amount()));
            listTotal = listTotal.plus(lineList);
            discountTotal = discountTotal.plus(lineDiscount);
            netTotal = netTotal.plus(lineNet);
            oneTimeTotal = oneTimeTotal.plus(netOneTime);
            recurringMonthlyTotal = recurringMonthlyTotal.plus(netRecurringMonthly);
            recurringTotal = recurringTotal.plus(netRecurringTotal);
        }
        return new Priced(List.copyOf(priced), new PriceTotals(listTotal.amount(), discountTotal.amount(), netTotal.amount(),
                oneTimeTotal.amount(), recurringMonthlyTotal.amount(), recurringTotal.amount()));
    }
}
