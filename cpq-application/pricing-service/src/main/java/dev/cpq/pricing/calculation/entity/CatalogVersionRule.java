package dev.cpq.pricing.calculation.entity;

import java.util.function.LongSupplier;

/**
 * Which catalog version a calculation may be made against: the active one. The cached pointer may lag a
 * publication, never lead it, so a version older than the pointer is stale for sure, the pointer's own
 * is accepted, and a newer one only if the authority (catalog-service's database) confirms it is active
 * now. Final decisions (quote submit and accept) re-check against the authority anyway.
 */
public final class CatalogVersionRule {

    private CatalogVersionRule() {}

    /**
     * @param pointer   the active version as the cache pointer names it
     * @param authority asks catalog-service; called only when the request is ahead of the pointer
     * @return the accepted version
     * @throws CatalogVersionStaleException when the version is not the active one
     */
    public static long accept(long requested, long pointer, LongSupplier authority) {
        if (requested < pointer) {
            throw new CatalogVersionStaleException(requested, pointer);
        }
        if (requested == pointer) {
            return requested;
        }
        long active = authority.getAsLong();
        if (requested != active) {
            throw new CatalogVersionStaleException(requested, active);
        }
        return requested;
    }
}
