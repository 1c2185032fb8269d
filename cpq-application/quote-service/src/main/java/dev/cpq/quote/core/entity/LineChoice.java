package dev.cpq.quote.core.entity;

import java.math.BigDecimal;
import java.util.Map;

/** A line as the seller chose it, before catalog validated it. */
public record LineChoice(String offeringId, Map<String, String> options, int quantity, int termMonths, BigDecimal discountPercent) {

    public LineChoice {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public QuoteLine configured(String configurationHash) {
        return new QuoteLine(offeringId, options, quantity, termMonths, discountPercent, configurationHash);
    }
}
