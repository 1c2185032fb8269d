package dev.cpq.catalog.offering.boundary;

import dev.cpq.catalog.core.entity.OfferingOption;
import dev.cpq.catalog.offering.control.OfferingEditing;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.entity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code PUT /catalog-versions/{v}/offerings/{offeringId}}: create or replace an offering of a draft. */
@Path("catalog-versions/{version}/offerings")
@ApplicationScoped
public class OfferingsResource {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private OfferingEditing editing;

    protected OfferingsResource() {}

    @Inject
    public OfferingsResource(OfferingEditing editing) {
        this.editing = editing;
    }

    public record OptionRequest(@NotBlank @Pattern(regexp = ID) String code,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> values, @NotNull Boolean required) {}

    public record OfferingRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Pattern(regexp = ID) String family,
            @NotNull @Size(max = 50) List<@Valid @NotNull OptionRequest> options) {}

    public record OfferingView(long catalogVersion, String offeringId, String name, String family, List<OfferingOption> options) {}

    @PUT
    @Path("{offeringId}")
    @Operation(summary = "Create or replace an offering of a draft catalog version")
    @ApiResponse(responseCode = "200", description = "Stored; ETag is the draft's new version")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (violations name each field, e.g. options[1].code for a code"
            + " that repeats another beyond letter case, options[0].values[2] for a repeated value)")
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs CATALOG_ADMIN)")
    @ApiResponse(responseCode = "404", description = "CATALOG_VERSION_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "CATALOG_VERSION_NOT_DRAFT")
    @ApiResponse(responseCode = "412", description = "CATALOG_VERSION_CONFLICT (expectedVersion, currentVersion)")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED")
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("version") @Positive long version, @PathParam("offeringId") @Pattern(regexp = ID) String offeringId,
            @Parameter(required = true, description = "ETag of the draft version the edit was made against")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull OfferingRequest body) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        List<OfferingOption> options = OfferingOption.listOf(
                body.options().stream().map(o -> new OfferingOption.Proposed(o.code(), o.values(), o.required())).toList());
        OfferingEditing.Edited edited = editing.putOffering(version, expected, offeringId, body.name(), body.family(), options);
        var o = edited.offering();
        return Response.ok(new OfferingView(version, o.offeringId(), o.name(), o.family(), o.options()))
                .header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(edited.catalog().rowVersion()))
                .build();
    }
}
