package dev.cpq.pricing.calculation.entity;

import dev.cpq.pricing.money.entity.DiscountPercent;
import dev.cpq.pricing.pricelist.entity.PriceEntry;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One line to price: an offering with its chosen options, how many, for how many months (0: one-time
 * only), and the discount the seller grants on it. Options are kept sorted: their order never matters.
 */
public record CalculationLine(String offeringId, SortedMap<String, String> options, int quantity, int termMonths, DiscountPercent discount) {

    public static final String OFFERING_ID_PATTERN = PriceEntry.OFFERING_ID_PATTERN;
    public static final int MAX_QUANTITY = 100_000;
    public static final int MAX_TERM_MONTHS = 120;
    public static final int MAX_OPTIONS = 50;
    private static final Pattern OFFERING_ID = Pattern.compile(OFFERING_ID_PATTERN);

    public CalculationLine {
        if (offeringId == null || !OFFERING_ID.matcher(offeringId).matches()) {
            throw new IllegalArgumentException("not an offering id: " + offeringId);
        }
        Objects.requireNonNull(options, "options");
        if (options.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("a line has at most " + MAX_OPTIONS + " options");
        }
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("a quantity is between 1 and " + MAX_QUANTITY + ": " + quantity);
        }
        if (termMonths < 0 || termMonths > MAX_TERM_MONTHS) {
            throw new IllegalArgumentException("a term is between 0 and " + MAX_TERM_MONTHS + " months: " + termMonths);
        }
        Objects.requireNonNull(discount, "discount");
    }

    public static CalculationLine of(String offeringId, Map<String, String> options, int quantity, int termMonths, DiscountPercent discount) {
        return new CalculationLine(offeringId, new TreeMap<>(options == null ? Map.of() : options), quantity, termMonths, discount);
    }
}
