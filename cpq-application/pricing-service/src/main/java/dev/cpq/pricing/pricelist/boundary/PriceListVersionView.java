package dev.cpq.pricing.pricelist.boundary;

import dev.cpq.pricing.pricelist.entity.PriceEntry;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PricePoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A price list version with its entries, as admins read it. */
public record PriceListVersionView(String priceListId, long priceListVersion, String status, String name, String stalenessPolicy,
        int validityDays, Instant createdAt, Instant publishedAt, List<EntryView> entries) {

    /** One price; {@code recurring} is per month. */
    public record EntryView(String offeringId, String currency, String market, String channel, BigDecimal oneTime, BigDecimal recurring) {

        static EntryView of(String offeringId, PricePoint p) {
            return new EntryView(offeringId, p.scope().currencyCode(), p.scope().market(), p.scope().channel(), p.oneTime().amount(),
                    p.recurringMonthly().amount());
        }
    }

    static PriceListVersionView of(PriceList p, List<PriceEntry> entries) {
        return new PriceListVersionView(p.priceListId().value(), p.version().sequence(), p.status().name(), p.name(),
                p.stalenessPolicy().name(), p.validityDays().days(), p.createdAt(), p.publishedAt().orElse(null),
                entries.stream().map(e -> EntryView.of(e.offeringId(), e.price())).toList());
    }
}
