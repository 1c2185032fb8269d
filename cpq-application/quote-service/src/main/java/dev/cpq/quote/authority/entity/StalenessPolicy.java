package dev.cpq.quote.authority.entity;

/** What a price result is worth once a newer version of its price list is published (pricing's policy). */
public enum StalenessPolicy {

    /** Older versions stay acceptable while the price result itself is valid. */
    VALID_UNTIL_QUOTE_EXPIRY,

    /** Any newer published version makes the result stale: reprice. */
    REPRICE_REQUIRED_ON_PUBLISH
}
