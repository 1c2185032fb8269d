package dev.cpq.pricing.pricelist.entity;

import dev.cpq.pricing.money.entity.Money;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The prices of an offering in one scope: a one-time amount and a recurring amount per month. */
public record PricePoint(PriceScope scope, Money oneTime, Money recurringMonthly) {

    public PricePoint {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(oneTime, "oneTime");
        Objects.requireNonNull(recurringMonthly, "recurringMonthly");
        if (!oneTime.currency().equals(scope.currency()) || !recurringMonthly.currency().equals(scope.currency())) {
            throw new IllegalArgumentException("the amounts of a price are in the currency of its scope " + scope.currencyCode());
        }
        if (oneTime.amount().compareTo(Money.MAX_STORABLE) > 0 || recurringMonthly.amount().compareTo(Money.MAX_STORABLE) > 0) {
            throw new IllegalArgumentException("a list price is at most " + Money.MAX_STORABLE.toPlainString());
        }
    }

    /** An offering has one price per scope: the same currency, market and channel twice is an error, not an override. */
    public static void requireDistinctScopes(List<PricePoint> points) {
        Set<PriceScope> seen = new HashSet<>();
        for (PricePoint p : points) {
            if (!seen.add(p.scope())) {
                throw new IllegalArgumentException("the scope " + p.scope() + " is priced twice");
            }
        }
    }
}
