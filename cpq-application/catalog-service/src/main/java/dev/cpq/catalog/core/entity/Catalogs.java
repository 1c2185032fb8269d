package dev.cpq.catalog.core.entity;

import dev.cpq.platform.publication.entity.VersionLine;
import java.util.List;
import java.util.Optional;

/**
 * The repository of the catalog version aggregate: the versions of the current tenant's catalog with
 * their offerings and rule sets. Implementations always scope by the caller's tenant.
 */
public interface Catalogs extends VersionLine<Catalog> {

    /** The active version's number alone (no aggregate built): what a quote's final check compares with. */
    Optional<CatalogVersion> activeVersion();

    Optional<Catalog> byVersion(CatalogVersion version);

    /** A version that reads may serve: published or superseded, never a draft (its content still changes). */
    default Catalog published(long version) {
        Catalog catalog = byVersion(new CatalogVersion(version)).orElseThrow(() -> new CatalogVersionNotFoundException(version));
        if (catalog.status() == CatalogStatus.DRAFT) {
            throw new CatalogVersionNotPublishedException(catalog.version());
        }
        return catalog;
    }

    /** Every version of the tenant, newest first. */
    List<Catalog> all();

    /** The next version number of the tenant's catalog, handed out once (concurrent callers never share one). */
    CatalogVersion nextVersion();

    void add(Catalog catalog);

    /** A new draft starts as a copy of {@code from}'s offerings and rule sets. */
    void copyContent(Catalog from, Catalog draft);

    Optional<Offering> offering(Catalog catalog, String offeringId);

    /** Every offering of the version, by offering id. */
    List<Offering> offerings(Catalog catalog);

    /** The offerings of one family, by offering id. */
    List<Offering> offeringsOf(Catalog catalog, String family);

    Optional<RuleSet> ruleSet(Catalog catalog, String family);

    /** Stores what a command of the aggregate made or changed (a new offering is added, a known one stays). */
    void store(Offering offering);

    void store(RuleSet ruleSet);
}
