package dev.cpq.catalog.core.entity;

/**
 * The sequence number of a tenant's catalog version. Versions only grow; their order is the order of
 * publication, which is what cache pointers compare.
 */
public record CatalogVersion(long sequence) implements Comparable<CatalogVersion> {

    public CatalogVersion {
        if (sequence < 1) {
            throw new IllegalArgumentException("catalog versions start at 1: " + sequence);
        }
    }

    public static CatalogVersion first() {
        return new CatalogVersion(1);
    }

    public CatalogVersion next() {
        return new CatalogVersion(Math.addExact(sequence, 1));
    }

    public boolean isNewerThan(CatalogVersion other) {
        return sequence > other.sequence;
    }

    @Override
    public int compareTo(CatalogVersion other) {
        return Long.compare(sequence, other.sequence);
    }

    /** The form used in cache keys and pointers: {@code v42}. */
    @Override
    public String toString() {
        return "v" + sequence;
    }
}
