package dev.cpq.catalog;

import dev.cpq.catalog.configuration.boundary.ConfigurationsResource;
import dev.cpq.catalog.offering.boundary.OfferingCatalogResource;
import dev.cpq.catalog.offering.boundary.OfferingsResource;
import dev.cpq.catalog.rule.boundary.RulesResource;
import dev.cpq.catalog.publication.boundary.PublicationResource;
import dev.cpq.catalog.version.boundary.ActiveVersionResource;
import dev.cpq.catalog.version.boundary.CatalogVersionsResource;
import dev.cpq.platform.rest.boundary.PlatformRestComponents;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** The catalog service's REST API under {@code /catalog/api}. */
@ApplicationPath("api")
public class CatalogApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return PlatformRestComponents.with(ActiveVersionResource.class, CatalogVersionsResource.class, OfferingsResource.class,
                OfferingCatalogResource.class, RulesResource.class, ConfigurationsResource.class, PublicationResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return PlatformRestComponents.properties();
    }

    @Override
    public Set<Object> getSingletons() {
        return PlatformRestComponents.singletons();
    }
}
