package dev.cpq.catalog.version.entity;

import java.util.Optional;

/** The catalog versions of the current tenant. Implementations always scope by the caller's tenant. */
public interface Catalogs {

    Optional<Catalog> active();
}
