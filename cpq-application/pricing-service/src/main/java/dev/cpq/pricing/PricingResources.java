package dev.cpq.pricing;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.platform.config.entity.OwnedCacheDomains;
import dev.cpq.platform.config.entity.ServiceIdentity;
import dev.cpq.pricing.calculation.entity.CatalogLocation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The container resources this WAR runs on: its own pool ({@code jdbc/pricing}) and schema, and where
 * catalog-service is.
 */
@ApplicationScoped
public class PricingResources {

    private static final ServiceIdentity IDENTITY = new ServiceIdentity("pricing");

    @Resource(lookup = "jdbc/pricing")
    private DataSource dataSource;

    @Produces
    DataSource dataSource() {
        return dataSource;
    }

    @Produces
    ServiceIdentity identity() {
        return IDENTITY;
    }

    /** Pricing publishes price lists and approval policies and stores calculations, so it sweeps their old versions. */
    @Produces
    OwnedCacheDomains ownedCacheDomains() {
        return new OwnedCacheDomains(Set.of(CacheDomain.PRICE_LIST, CacheDomain.PRICE_CALCULATION, CacheDomain.APPROVAL_POLICY));
    }

    /**
     * {@code cpq.catalog.base-url} (a GlassFish system property like the platform's {@code cpq.*}
     * settings), read here because the platform's ServiceConfiguration knows only shared settings.
     * An invalid value fails the deployment.
     */
    @Produces
    @Singleton
    CatalogLocation catalogLocation() {
        return CatalogLocation.of(System.getProperty(CatalogLocation.PROPERTY, CatalogLocation.DEFAULT));
    }
}
