package dev.cpq.platform.security.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant, as the token names it. The shape is restricted because tenant ids end up in SQL
 * parameters, Redis keys (as a hash tag) and log lines.
 */
public record TenantId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public TenantId {
        Objects.requireNonNull(value, "tenant");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid tenant id: letters, digits, '-' and '_' only, at most 64");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
