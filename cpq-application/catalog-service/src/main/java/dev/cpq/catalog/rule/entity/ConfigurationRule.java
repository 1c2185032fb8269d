package dev.cpq.catalog.rule.entity;

import java.util.Objects;

/** {@code when} REQUIRES / EXCLUDES {@code then}, between values of options of one offering family. */
public record ConfigurationRule(RuleKind kind, OptionValue when, OptionValue then) {

    public ConfigurationRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(then, "then");
        if (when.option().equals(then.option())) {
            throw new IllegalArgumentException("a rule relates two different options, not " + when.option() + " to itself");
        }
    }
}
