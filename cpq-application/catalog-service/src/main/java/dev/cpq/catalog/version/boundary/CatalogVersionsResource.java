package dev.cpq.catalog.version.boundary;

import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.platform.security.boundary.AcceptsServiceIdentity;
import dev.cpq.catalog.version.control.CatalogDrafting;
import dev.cpq.catalog.version.control.CatalogVersionQueries;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.security.entity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/** {@code /catalog-versions}: the tenant's catalog versions, and opening a new draft. */
@Path("catalog-versions")
@ApplicationScoped
public class CatalogVersionsResource {

    private CatalogDrafting drafting;
    private CatalogVersionQueries queries;
    private IdempotentCommandResponses idempotent;

    protected CatalogVersionsResource() {}

    @Inject
    public CatalogVersionsResource(CatalogDrafting drafting, CatalogVersionQueries queries, IdempotentCommandResponses idempotent) {
        this.drafting = drafting;
        this.queries = queries;
        this.idempotent = idempotent;
    }

    public record OpenDraftRequest(@Size(max = 500) String description) {}

    public record CatalogVersionView(long catalogVersion, String status, String description, Long basedOnVersion, Instant createdAt,
            Instant publishedAt) {

        static CatalogVersionView of(Catalog c) {
            return new CatalogVersionView(c.version().sequence(), c.status().name(), c.description().orElse(null),
                    c.basedOn().map(v -> v.sequence()).orElse(null), c.createdAt(), c.publishedAt().orElse(null));
        }
    }

    @AcceptsServiceIdentity
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<CatalogVersionView> versions() {
        return queries.allVersions().stream().map(CatalogVersionView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Operation(summary = "Open a new draft catalog version (copied from the active one)")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentCommandResponses.KEY_HEADER, required = true,
            description = "Scopes retries: same key + same request replays the answer")
    @ApiResponse(responseCode = "201", description = "Draft opened; Location and ETag of the new version")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED")
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs CATALOG_ADMIN)")
    @ApiResponse(responseCode = "409", description = "IDEMPOTENCY_REQUEST_IN_PROGRESS")
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response openDraft(@HeaderParam(IdempotentCommandResponses.KEY_HEADER) String key, @Context UriInfo uri, @Valid OpenDraftRequest body) {
        return idempotent.execute(CatalogDrafting.OPEN_DRAFT, key, "POST", uri, body, () -> {
            Catalog draft = drafting.openDraft(body == null ? null : body.description());
            return idempotent.created(CatalogVersionView.of(draft),
                    uri.getAbsolutePathBuilder().path(Long.toString(draft.version().sequence())).build(), draft.rowVersion());
        });
    }
}
