package dev.cpq.pricing;

import dev.cpq.platform.rest.boundary.PlatformRestComponents;
import dev.cpq.pricing.approval.boundary.ApprovalPolicyResource;
import dev.cpq.pricing.calculation.boundary.PriceCalculationsResource;
import dev.cpq.pricing.pricelist.boundary.PriceEntriesResource;
import dev.cpq.pricing.pricelist.boundary.PriceListOfferResource;
import dev.cpq.pricing.pricelist.boundary.PriceListsResource;
import dev.cpq.pricing.publication.boundary.PriceListPublicationResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** The pricing service's REST API under {@code /pricing/api}. */
@ApplicationPath("api")
public class PricingApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return PlatformRestComponents.with(PriceListsResource.class, PriceEntriesResource.class, PriceListPublicationResource.class,
                ApprovalPolicyResource.class, PriceCalculationsResource.class, PriceListOfferResource.class);
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
