package dev.cpq.catalog;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.platform.config.entity.OwnedCacheDomains;
import dev.cpq.platform.config.entity.ServiceIdentity;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Set;
import javax.sql.DataSource;

/** The container resources this WAR runs on: its own pool ({@code jdbc/catalog}) and schema. */
@ApplicationScoped
public class CatalogResources {

    private static final ServiceIdentity IDENTITY = new ServiceIdentity("catalog");

    @Resource(lookup = "jdbc/catalog")
    private DataSource dataSource;

    @Produces
    DataSource dataSource() {
        return dataSource;
    }

    @Produces
    ServiceIdentity identity() {
        return IDENTITY;
    }

    /** The catalog publishes catalog versions and their rule graphs, so it sweeps their old versions. */
    @Produces
    OwnedCacheDomains ownedCacheDomains() {
        return new OwnedCacheDomains(Set.of(CacheDomain.CATALOG, CacheDomain.CONFIGURATION_RULES));
    }
}
