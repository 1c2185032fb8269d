package dev.cpq.quote.core.entity;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One configured line of a revision: what is sold (offering and options), how many, for how long and
 * at which requested discount, with the configuration hash catalog-service gave for it.
 */
public record QuoteLine(String offeringId, Map<String, String> options, int quantity, int termMonths, BigDecimal discountPercent,
        String configurationHash) {

    public static final int MAX_QUANTITY = 100_000;
    public static final int MAX_TERM_MONTHS = 120;

    public QuoteLine {
        Objects.requireNonNull(offeringId, "offeringId");
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("a quantity is between 1 and " + MAX_QUANTITY);
        }
        if (termMonths < 0 || termMonths > MAX_TERM_MONTHS) {
            throw new IllegalArgumentException("a term is between 0 and " + MAX_TERM_MONTHS + " months");
        }
        Objects.requireNonNull(discountPercent, "discountPercent");
        if (discountPercent.signum() < 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0
                || discountPercent.signum() != 0 && discountPercent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a discount is a percentage between 0 and 100 with at most 2 decimals");
        }
        Objects.requireNonNull(configurationHash, "configurationHash");
    }
}
