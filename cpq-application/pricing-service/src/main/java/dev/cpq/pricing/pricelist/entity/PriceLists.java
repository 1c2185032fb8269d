package dev.cpq.pricing.pricelist.entity;

import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.platform.publication.entity.VersionLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The price list versions of the current tenant. Implementations always scope by the caller's tenant. */
public interface PriceLists {

    /** The list's published version, if any. */
    Optional<PriceList> active(PriceListId id);

    /** The active version and the approval policy version in force, in one read (empty: no active version). */
    Optional<ActiveTerms> activeTerms(PriceListId id);

    /**
     * When the first version newer than {@code version} was published (empty while none is): a result
     * priced on {@code version} after that instant was priced on a lagging pointer.
     */
    Optional<java.time.Instant> firstPublishedAfter(PriceListId id, long version);

    /** The list's newest version, whatever its status. */
    Optional<PriceList> newest(PriceListId id);

    Optional<PriceList> byVersion(PriceListId id, PriceListVersion version);

    /**
     * The version, locked for the rest of the transaction: commands on one draft run one after the
     * other, so the second sees the first's row version and is refused with 412, never half-applied.
     */
    Optional<PriceList> byVersionForChange(PriceListId id, PriceListVersion version);

    /** Whether the tenant has any version of this list. */
    boolean exists(PriceListId id);

    /** Up to {@code limit} ids of the tenant's price lists, in id order. */
    List<PriceListId> ids(int limit);

    /** The published and draft versions of all the tenant's lists (superseded ones are history). */
    List<PriceList> publishedAndDrafts();

    /** Every list of the tenant with its published version (empty when none is published yet). */
    Map<PriceListId, OptionalLong> activeVersions();

    /**
     * Serializes publication and drafting of one list (held to the end of the transaction): versions
     * become active strictly in order and a new draft copies the latest active version.
     */
    void lockPublication(PriceListId id);

    /** Makes pending state changes visible to the database now (order matters for one-published rules). */
    void flush();

    /** Raises the version's row version: every change of its entries is a change of the aggregate. */
    void touch(PriceList priceList);

    /** The next version number of the list, handed out once (concurrent callers never share one). */
    PriceListVersion nextVersion(PriceListId id);

    void add(PriceList priceList);

    /** The versions of one list, as drafting, editing and publishing need them. */
    default VersionLine<PriceList> line(PriceListId id) {
        return new PriceListLine(this, id);
    }

    /** Says precisely what is missing when a version is not found: the whole list, or just that version. */
    default ProblemException notFound(PriceListId id, long version) {
        return exists(id) ? new PriceListVersionNotFoundException(id, version) : new PriceListNotFoundException(id);
    }
}
