package dev.cpq.pricing.money.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * A non-negative amount of one currency, always at the currency's scale (EUR 10.50, JPY 1050, BHD
 * 10.500). Only exact operations are offered besides {@link #discountedBy}, the one place that rounds
 * (half-even at the currency's scale), so every other amount derived from it is exact.
 */
public record Money(BigDecimal amount, Currency currency) {

    /** Amounts stored in price lists fit {@code numeric(19,4)}: at most 15 integer digits. */
    public static final BigDecimal MAX_STORABLE = new BigDecimal("999999999999999");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = scaleOf(currency);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount is never negative: " + amount); // toString: bounded, unlike toPlainString
        }
        // 10.500 EUR is 10.50 EUR; 10.505 EUR is not an amount of euros
        if (significantScale(amount) > digits) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " amounts have at most " + digits + " decimal places: "
                    + amount);
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currencyOf(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The currency of an ISO 4217 code that prices can be expressed in: upper case, known to the JDK,
     * with a defined number of decimal places (not XAU, XXX and the like).
     */
    public static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("a currency is an ISO 4217 code of three upper-case letters: " + code);
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 4217 currency: " + code, e);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(code + " has no minor unit and cannot be used for prices");
        }
        return currency;
    }

    /** The number of decimal places of the currency's amounts. */
    public static int scaleOf(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor unit and cannot be used for prices");
        }
        return digits;
    }

    private static int significantScale(BigDecimal value) {
        return value.signum() == 0 ? 0 : Math.max(0, value.stripTrailingZeros().scale());
    }

    /** Exact: the amount {@code factor} times (quantities, months). */
    public Money times(long factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("multiplying an amount by a negative factor: " + factor);
        }
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** Exact; the result may not be negative. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * What remains after the discount: {@code amount * (100 - percent) / 100}, rounded half-even at the
     * currency's scale. Never more than the amount itself, so the discount is never negative.
     */
    public Money discountedBy(DiscountPercent percent) {
        BigDecimal remaining = amount.multiply(HUNDRED.subtract(percent.value())).divide(HUNDRED);
        return new Money(remaining.setScale(amount.scale(), RoundingMode.HALF_EVEN), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
