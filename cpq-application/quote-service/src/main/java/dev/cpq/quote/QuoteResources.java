package dev.cpq.quote;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.platform.config.entity.OwnedCacheDomains;
import dev.cpq.platform.config.entity.ServiceIdentity;
import dev.cpq.quote.authority.entity.ServiceLocations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The container resources this WAR runs on: its own pool ({@code jdbc/quote}) and schema, and where
 * catalog- and pricing-service are.
 */
@ApplicationScoped
public class QuoteResources {

    private static final ServiceIdentity IDENTITY = new ServiceIdentity("quote");

    @Resource(lookup = "jdbc/quote")
    private DataSource dataSource;

    @Produces
    DataSource dataSource() {
        return dataSource;
    }

    @Produces
    ServiceIdentity identity() {
        return IDENTITY;
    }

    /** Quote owns the (live, invalidate-on-write) quote summary entries. */
    @Produces
    OwnedCacheDomains ownedCacheDomains() {
        return new OwnedCacheDomains(Set.of(CacheDomain.QUOTE_SUMMARY));
    }

    /**
     * {@code cpq.catalog.base-url} and {@code cpq.pricing.base-url} (GlassFish system properties), read
     * here because the platform's ServiceConfiguration knows only shared settings. An invalid value fails
     * the deployment.
     */
    @Produces
    @Singleton
    ServiceLocations serviceLocations() {
        return ServiceLocations.fromSystemProperties();
    }
}
