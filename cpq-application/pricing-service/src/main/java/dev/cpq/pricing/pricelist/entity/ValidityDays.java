package dev.cpq.pricing.pricelist.entity;

import java.time.Duration;
import java.time.Instant;

/** How long a price result of a price list version is valid after it was priced: 1 to 365 days. */
public record ValidityDays(int days) {

    public static final ValidityDays DEFAULT = new ValidityDays(30);

    public ValidityDays {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("a price result is valid for 1 to 365 days, not " + days);
        }
    }

    public Instant validUntil(Instant pricedAt) {
        return pricedAt.plus(Duration.ofDays(days));
    }
}
