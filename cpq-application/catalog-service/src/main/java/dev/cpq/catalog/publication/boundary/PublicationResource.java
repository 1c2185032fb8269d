package dev.cpq.catalog.publication.boundary;

import dev.cpq.catalog.publication.control.CatalogPublishing;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.entity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

/** {@code POST /catalog-versions/{v}/publish}: the draft becomes the active version. */
@Path("catalog-versions/{version}/publish")
@ApplicationScoped
public class PublicationResource {

    private CatalogPublishing publishing;
    private IdempotentCommandResponses idempotent;

    protected PublicationResource() {}

    @Inject
    public PublicationResource(CatalogPublishing publishing, IdempotentCommandResponses idempotent) {
        this.publishing = publishing;
        this.idempotent = idempotent;
    }

    public record PublishedView(long catalogVersion, String status, Long previousVersion) {}

    @POST
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a draft: it becomes the active catalog version (CatalogPublished event)")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentCommandResponses.KEY_HEADER, required = true)
    @ApiResponse(responseCode = "200", description = "Published; ETag of the published version")
    @ApiResponse(responseCode = "404", description = "CATALOG_VERSION_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "CATALOG_VERSION_NOT_DRAFT, CATALOG_VERSION_OUTDATED, IDEMPOTENCY_REQUEST_IN_PROGRESS")
    @ApiResponse(responseCode = "412", description = "CATALOG_VERSION_CONFLICT")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    public Response publish(@PathParam("version") @Positive long version, @HeaderParam(IdempotentCommandResponses.KEY_HEADER) String key,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        return idempotent.execute(CatalogPublishing.PUBLISH, key, "POST", uri, null, () -> {
            CatalogPublishing.Published published = publishing.publish(version, expected);
            return idempotent.ok(new PublishedView(version, published.catalog().status().name(), published.previousVersion().orElse(null)),
                    published.catalog().rowVersion());
        });
    }
}
