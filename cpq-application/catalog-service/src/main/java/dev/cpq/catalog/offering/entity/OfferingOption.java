package dev.cpq.catalog.offering.entity;

import java.util.List;
import java.util.Objects;

/** A configurable option of an offering: its code, the values it may take, and whether it must be chosen. */
public record OfferingOption(String code, List<String> values, boolean required) {

    public OfferingOption {
        Objects.requireNonNull(code, "code");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("option " + code + " has no values");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("option " + code + " lists a value twice");
        }
    }
}
