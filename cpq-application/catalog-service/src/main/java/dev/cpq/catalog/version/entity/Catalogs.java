package dev.cpq.catalog.version.entity;

import java.util.Optional;

/** The catalog versions of the current tenant. Implementations always scope by the caller's tenant. */
public interface Catalogs {

    Optional<Catalog> active();

    /** The active version's number alone (no aggregate built): what a quote's final check compares with. */
    Optional<CatalogVersion> activeVersion();

    Optional<Catalog> byVersion(CatalogVersion version);

    /**
     * The version, locked for the rest of the transaction: commands on one draft run one after the
     * other, so the second sees the first's version and is refused with 412, never half-applied.
     */
    Optional<Catalog> byVersionForChange(CatalogVersion version);

    /** Serializes publications of the tenant's catalog (held to the end of the transaction). */
    void lockPublication();

    /** Makes pending state changes visible to the database now (order matters for one-active rules). */
    void flush();

    /** Raises the version's row version: every change of its content is a change of the aggregate. */
    void touch(Catalog catalog);

    /** Every version of the tenant, newest first. */
    java.util.List<Catalog> all();

    /** The next version number of the tenant's catalog, handed out once (concurrent callers never share one). */
    CatalogVersion nextVersion();

    void add(Catalog catalog);
}
