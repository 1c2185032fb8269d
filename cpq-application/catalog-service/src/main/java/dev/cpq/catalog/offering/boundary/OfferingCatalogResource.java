package dev.cpq.catalog.offering.boundary;

import dev.cpq.catalog.offering.control.PublishedOfferings;
import dev.cpq.catalog.offering.entity.OfferingDetail;
import dev.cpq.catalog.offering.entity.OfferingList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** {@code GET /offerings}: published offerings, read through the cache, always naming the catalog version used. */
@Path("offerings")
@ApplicationScoped
public class OfferingCatalogResource {

    private PublishedOfferings published;

    protected OfferingCatalogResource() {}

    @Inject
    public OfferingCatalogResource(PublishedOfferings published) {
        this.published = published;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offerings of the active catalog version, optionally of one family (cached)")
    @ApiResponse(responseCode = "200", description = "The offerings and the catalogVersion they belong to")
    @ApiResponse(responseCode = "404", description = "CATALOG_NOT_PUBLISHED")
    public OfferingList offerings(@QueryParam("family") @Pattern(regexp = OfferingsResource.ID) String family) {
        return published.offerings(Optional.ofNullable(family));
    }

    @GET
    @Path("{offeringId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One offering of the given catalog version, or of the active one (cached)")
    @ApiResponse(responseCode = "200", description = "The offering and the catalogVersion it belongs to")
    @ApiResponse(responseCode = "404", description = "OFFERING_NOT_FOUND, CATALOG_VERSION_NOT_FOUND, CATALOG_NOT_PUBLISHED")
    @ApiResponse(responseCode = "409", description = "CATALOG_VERSION_NOT_PUBLISHED (a draft)")
    public OfferingDetail offering(@PathParam("offeringId") @Pattern(regexp = OfferingsResource.ID) String offeringId,
            @QueryParam("catalogVersion") @Positive Long catalogVersion) {
        return published.offering(offeringId, Optional.ofNullable(catalogVersion));
    }
}
