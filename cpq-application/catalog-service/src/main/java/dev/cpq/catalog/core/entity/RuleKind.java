package dev.cpq.catalog.core.entity;

/** The two relations between option values the catalog knows. */
public enum RuleKind {
    /** choosing {@code when} makes {@code then} mandatory */
    REQUIRES,
    /** {@code when} and {@code then} cannot be chosen together */
    EXCLUDES
}
