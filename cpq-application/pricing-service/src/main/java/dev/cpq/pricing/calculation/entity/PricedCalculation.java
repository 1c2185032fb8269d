package dev.cpq.pricing.calculation.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored, immutable price result: its id, the hashes of its input and of its prices, when it was
 * priced and until when it is valid, and its content. Also the value cached under its input hash.
 */
public record PricedCalculation(UUID priceResultId, String inputHash, String priceHash, Instant pricedAt, Instant validUntil,
        PricedContent content) {

    /**
     * A result is handed out again only while it is valid for at least this long: a quote priced now
     * should not receive a result that expires tomorrow. (With a one-day validity, results are never
     * reused: each calculation stores a fresh one.)
     */
    public static final Duration REUSE_MARGIN = Duration.ofDays(1);

    public PricedCalculation {
        Objects.requireNonNull(priceResultId, "priceResultId");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(priceHash, "priceHash");
        Objects.requireNonNull(pricedAt, "pricedAt");
        Objects.requireNonNull(validUntil, "validUntil");
        if (!validUntil.isAfter(pricedAt)) {
            throw new IllegalArgumentException("a price result is valid for some time after it was priced");
        }
        Objects.requireNonNull(content, "content");
    }

    /** Whether this result may answer a calculation of the same input at {@code now}. */
    public boolean reusableAt(Instant now) {
        return validUntil.isAfter(now.plus(REUSE_MARGIN));
    }
}
