package dev.cpq.pricing.money.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** A discount (or a discount limit) in percent: 0 to 100 with at most two decimal places, e.g. 12.34. */
public record DiscountPercent(BigDecimal value) implements Comparable<DiscountPercent> {

    // before ZERO: the constructor reads it
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final DiscountPercent ZERO = new DiscountPercent(BigDecimal.ZERO);

    public DiscountPercent {
        Objects.requireNonNull(value, "value");
        // messages show the value as written (toString: exponent notation, as long as the input), never
        // toPlainString: 1E-999999999 in plain digits is a gigabyte
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a discount is between 0 and 100 percent: " + value);
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a discount has at most two decimal places: " + value);
        }
        // one representation per value (7.5 and 7.50 are the same discount)
        value = value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static DiscountPercent of(String value) {
        return new DiscountPercent(new BigDecimal(value));
    }

    public boolean exceeds(DiscountPercent other) {
        return value.compareTo(other.value) > 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @Override
    public int compareTo(DiscountPercent other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString() + "%";
    }
}
