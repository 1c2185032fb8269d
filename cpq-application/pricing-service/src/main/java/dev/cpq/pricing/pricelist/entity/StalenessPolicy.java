package dev.cpq.pricing.pricelist.entity;

/**
 * What a price result made against a version of this list is worth once a newer version is published.
 * Data of each price list version (copied into new drafts), read by quotes when they submit and accept.
 */
public enum StalenessPolicy {

    /** A result stays usable until its own validity (or the quote's expiry) ends, whatever is published meanwhile. */
    VALID_UNTIL_QUOTE_EXPIRY,

    /** Publishing a newer version of the list makes results of older versions stale: quotes must reprice. */
    REPRICE_REQUIRED_ON_PUBLISH;

    /** The cautious choice for lists that never said otherwise. */
    public static final StalenessPolicy DEFAULT = REPRICE_REQUIRED_ON_PUBLISH;
}
