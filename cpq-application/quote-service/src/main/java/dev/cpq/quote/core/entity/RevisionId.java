package dev.cpq.quote.core.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One commercial state of a quote; every change of lines, options, quantities, terms or discounts makes a new one. */
public record RevisionId(UUID value) {

    public RevisionId {
        Objects.requireNonNull(value, "revisionId");
    }

    public static RevisionId random() {
        return new RevisionId(UUID.randomUUID());
    }

    public static Optional<RevisionId> parse(String text) {
        try {
            return Optional.of(new RevisionId(UUID.fromString(text))).filter(id -> id.value().toString().equalsIgnoreCase(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
