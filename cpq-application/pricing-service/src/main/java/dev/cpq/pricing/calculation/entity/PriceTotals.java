package dev.cpq.pricing.calculation.entity;

import java.math.BigDecimal;

/**
 * The sums of the lines' amounts, exactly (no rounding after the lines):
 * {@code listTotal = sum(listTotal)}, {@code discountTotal = sum(discountAmount)}, {@code netTotal =
 * sum(netTotal) = oneTimeTotal + recurringTotal = listTotal - discountTotal}; {@code oneTimeTotal},
 * {@code recurringMonthlyTotal} and {@code recurringTotal} are net (what the customer pays once, per
 * month while every line runs, and over the lines' terms).
 */
public record PriceTotals(BigDecimal listTotal, BigDecimal discountTotal, BigDecimal netTotal, BigDecimal oneTimeTotal,
        BigDecimal recurringMonthlyTotal, BigDecimal recurringTotal) {}
