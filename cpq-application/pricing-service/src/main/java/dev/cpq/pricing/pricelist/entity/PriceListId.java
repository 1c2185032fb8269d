package dev.cpq.pricing.pricelist.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The client-chosen id of a price list within a tenant ({@code eu-standard}). Letters, digits, '-' and
 * '_' only: the id is the scope of the list's cache version line, where '.' and ':' are separators.
 */
public record PriceListId(String value) {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public PriceListId {
        Objects.requireNonNull(value, "priceListId");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a price list id has 1-64 letters, digits, '-' or '_' and starts with a letter or digit: "
                    + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
