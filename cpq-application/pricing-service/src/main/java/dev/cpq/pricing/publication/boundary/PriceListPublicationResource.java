package dev.cpq.pricing.publication.boundary;

import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.publication.control.PriceListPublishing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/** {@code POST /price-lists/{id}/versions/{v}/publish}: the draft becomes the list's active version. */
@Path("price-lists/{priceListId}/versions/{version}/publish")
@ApplicationScoped
public class PriceListPublicationResource {

    private PriceListPublishing publishing;
    private IdempotentCommandResponses idempotent;

    protected PriceListPublicationResource() {}

    @Inject
    public PriceListPublicationResource(PriceListPublishing publishing, IdempotentCommandResponses idempotent) {
        this.publishing = publishing;
        this.idempotent = idempotent;
    }

    public record PublishedView(String priceListId, long priceListVersion, String status, Long previousVersion, String stalenessPolicy,
            Instant publishedAt) {}

    @POST
    @RolesAllowed(Roles.PRICING_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a draft: it becomes the list's active version, the previous one is superseded (PriceListPublished event)")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentCommandResponses.KEY_HEADER, required = true)
    @ApiResponse(responseCode = "200", description = "Published; ETag of the published version")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED")
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs PRICING_ADMIN)")
    @ApiResponse(responseCode = "404", description = "PRICE_LIST_NOT_FOUND, PRICE_LIST_VERSION_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PRICE_LIST_VERSION_NOT_DRAFT, PRICE_LIST_VERSION_OUTDATED, IDEMPOTENCY_REQUEST_IN_PROGRESS")
    @ApiResponse(responseCode = "412", description = "PRICE_LIST_VERSION_CONFLICT")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    public Response publish(@PathParam("priceListId") @Pattern(regexp = PriceListId.PATTERN) String priceListId,
            @PathParam("version") @Positive long version, @HeaderParam(IdempotentCommandResponses.KEY_HEADER) String key,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        PriceListId id = new PriceListId(priceListId);
        return idempotent.execute(PriceListPublishing.PUBLISH, key, "POST", uri, null, () -> {
            PriceListPublishing.Published published = publishing.publish(id, version, expected);
            PriceList p = published.priceList();
            return idempotent.ok(new PublishedView(priceListId, version, p.status().name(), published.previousVersion().orElse(null),
                    p.stalenessPolicy().name(), p.publishedAt().orElse(null)), p.rowVersion());
        });
    }
}
