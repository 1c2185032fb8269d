package dev.cpq.cache.freshness;

/**
 * Compares the version a decision was based on with the version the authority (the owning service's
 * database, never Redis) names now. The building block of the suite's freshness checkers.
 *
 * @param recorded      the version recorded when the data was used (on the quote, in a price result)
 * @param authoritative the version the authority reports now
 */
public record VersionFreshness(long recorded, long authoritative) {

    public static VersionFreshness of(long recorded, long authoritative) {
        return new VersionFreshness(recorded, authoritative);
    }

    /** The decision used the active version. */
    public boolean isCurrent() {
        return recorded == authoritative;
    }

    /** A newer version has been published since the data was used. */
    public boolean isSuperseded() {
        return recorded < authoritative;
    }

    /**
     * The recorded version is newer than what the authority reports: the authority was rolled back or
     * the record is corrupt. Never accepted as fresh.
     */
    public boolean isAhead() {
        return recorded > authoritative;
    }
}
