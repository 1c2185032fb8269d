package dev.cpq.quote.core.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A quote's id: a UUID the service hands out. */
public record QuoteId(UUID value) {

    public QuoteId {
        Objects.requireNonNull(value, "quoteId");
    }

    public static QuoteId random() {
        return new QuoteId(UUID.randomUUID());
    }

    /** Empty when the text is no UUID: such a quote cannot exist (answered like an unknown one). */
    public static Optional<QuoteId> parse(String text) {
        try {
            return Optional.of(new QuoteId(UUID.fromString(text))).filter(id -> id.value().toString().equalsIgnoreCase(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The id of a path: a malformed one is as unknown as an unknown one (404). */
    public static QuoteId ofPath(String text) {
        return parse(text).orElseThrow(() -> new QuoteNotFoundException(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
