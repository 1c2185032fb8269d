package dev.cpq.pricing.calculation.entity;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One priced line; every amount at the currency's scale. List amounts are exact (unit price times
 * quantity, times term months); the net one-time and net monthly amounts are the only rounded ones
 * (half-even); every other net amount and the discount follow exactly:
 * <pre>
 * listOneTime          = unitOneTime * quantity
 * listRecurringMonthly = unitRecurringMonthly * quantity
 * listRecurringTotal   = listRecurringMonthly * termMonths
 * listTotal            = listOneTime + listRecurringTotal
 * netOneTime           = round(listOneTime * (100 - discountPercent) / 100)
 * netRecurringMonthly  = round(listRecurringMonthly * (100 - discountPercent) / 100)
 * netRecurringTotal    = netRecurringMonthly * termMonths
 * netTotal             = netOneTime + netRecurringTotal
 * discountAmount       = listTotal - netTotal
 * </pre>
 * So the monthly charge a customer sees is exactly what the term adds up, and net + discount = list.
 */
public record PricedLine(int lineIndex, String offeringId, Map<String, String> options, int quantity, int termMonths,
        BigDecimal discountPercent, BigDecimal unitOneTime, BigDecimal unitRecurringMonthly, BigDecimal listOneTime,
        BigDecimal listRecurringMonthly, BigDecimal listRecurringTotal, BigDecimal listTotal, BigDecimal netOneTime,
        BigDecimal netRecurringMonthly, BigDecimal netRecurringTotal, BigDecimal discountAmount, BigDecimal netTotal) {}
