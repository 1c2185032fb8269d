package dev.cpq.pricing.calculation.entity;

import dev.cpq.pricing.money.entity.Money;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import dev.cpq.pricing.pricelist.entity.PricePoint;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The cached price of one offering in one scope of one published price list version. Absence is cached
 * too ({@code priced} false): a published version never changes, so neither does a missing price. The
 * version travels in the value, and the cache checks it against the key.
 */
public record PriceSlice(String priceListId, long priceListVersion, String offeringId, String currency, String market, String channel,
        boolean priced, BigDecimal oneTime, BigDecimal recurringMonthly) {

    public static PriceSlice of(String priceListId, long priceListVersion, String offeringId, PriceScope scope, Optional<PricePoint> price) {
        return new PriceSlice(priceListId, priceListVersion, offeringId, scope.currencyCode(), scope.market(), scope.channel(),
                price.isPresent(), price.map(p -> p.oneTime().amount()).orElse(null),
                price.map(p -> p.recurringMonthly().amount()).orElse(null));
    }

    /** The price, when the version has one for the offering in this scope. */
    public Optional<PricePoint> price() {
        if (!priced) {
            return Optional.empty();
        }
        PriceScope scope = PriceScope.of(currency, market, channel);
        return Optional.of(new PricePoint(scope, Money.of(oneTime, scope.currency()), Money.of(recurringMonthly, scope.currency())));
    }
}
