package dev.cpq.pricing.pricelist.entity;

/**
 * The sequence number of one version of a price list. Versions only grow; their order is the order of
 * publication, which is what the list's cache pointer compares.
 */
public record PriceListVersion(long sequence) implements Comparable<PriceListVersion> {

    public PriceListVersion {
        if (sequence < 1) {
            throw new IllegalArgumentException("price list versions start at 1: " + sequence);
        }
    }

    public static PriceListVersion first() {
        return new PriceListVersion(1);
    }

    public PriceListVersion next() {
        return new PriceListVersion(Math.addExact(sequence, 1));
    }

    public boolean isNewerThan(PriceListVersion other) {
        return sequence > other.sequence;
    }

    @Override
    public int compareTo(PriceListVersion other) {
        return Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return "v" + sequence;
    }
}
