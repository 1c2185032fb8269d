package dev.cpq.quote.authority.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A calculation request for one quote revision, as pricing-service takes it. */
public record PriceRequest(String priceListId, long catalogVersion, String currency, String market, String channel, List<Line> lines) {

    public record Line(String offeringId, Map<String, String> options, int quantity, int termMonths, BigDecimal discountPercent) {}

    public PriceRequest {
        lines = List.copyOf(lines);
    }
}
