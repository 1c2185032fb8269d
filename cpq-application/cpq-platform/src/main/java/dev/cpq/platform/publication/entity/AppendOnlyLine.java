package dev.cpq.platform.publication.entity;

import java.util.OptionalLong;

/**
 * A line whose versions are appended, never edited (the approval policy): the newest is in force and
 * its number is the line's ETag. Implementations scope every query by the tenant of the token.
 */
public interface AppendOnlyLine<V> {

    /** Serializes changes of the line (held to the end of the transaction). */
    void lockChanges();

    /** The version in force (empty: the line has none yet). */
    OptionalLong currentVersion();

    /**
     * Stores the next version now; the line's unique version number guards it should the lock ever be
     * bypassed (a 412 then, never a second version with the same number).
     *
     * @return false when another writer stored that version first
     */
    boolean add(V next);

    long versionOf(V version);

    LineName name();

    String auditId(V version);
}
