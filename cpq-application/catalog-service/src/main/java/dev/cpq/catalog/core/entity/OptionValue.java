package dev.cpq.catalog.core.entity;

import java.util.Objects;

/** One value of one option, the thing a configuration rule talks about: {@code speed=1G}. */
public record OptionValue(String option, String value) {

    public OptionValue {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return option + "=" + value;
    }
}
