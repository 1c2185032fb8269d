package dev.cpq.catalog.version.entity;

import java.util.Optional;

/** The catalog versions of the current tenant. Implementations always scope by the caller's tenant. */
public interface Catalogs {

    Optional<Catalog> active();

    /** Every version of the tenant, newest first. */
    java.util.List<Catalog> all();

    /** The next version number of the tenant's catalog, handed out once (concurrent callers never share one). */
    CatalogVersion nextVersion();

    void add(Catalog catalog);
}
