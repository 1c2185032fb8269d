package dev.cpq.quote.authority.entity;

import java.util.Map;
import java.util.Objects;

/** One line's choice as catalog validates it: an offering and its options. */
public record ConfigurationChoice(String offeringId, Map<String, String> options) {

    public ConfigurationChoice {
        Objects.requireNonNull(offeringId, "offeringId");
        options = Map.copyOf(options);
    }
}
