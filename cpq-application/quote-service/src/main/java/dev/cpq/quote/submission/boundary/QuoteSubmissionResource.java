package dev.cpq.quote.submission.boundary;

import dev.cpq.platform.command.boundary.CommandPipeline;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.core.boundary.QuoteViews;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.submission.control.QuoteSubmitting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

/** {@code POST /quotes/{id}/submit}: final freshness validation, then APPROVED or PENDING_APPROVAL. */
@Path("quotes/{quoteId}/submit")
@ApplicationScoped
public class QuoteSubmissionResource {

    private QuoteSubmitting submitting;
    private CommandPipeline pipeline;
    private QuoteViews views;

    protected QuoteSubmissionResource() {}

    @Inject
    public QuoteSubmissionResource(QuoteSubmitting submitting, CommandPipeline pipeline, QuoteViews views) {
        this.submitting = submitting;
        this.pipeline = pipeline;
        this.views = views;
    }

    @POST
    @RolesAllowed({Roles.SALES_AGENT, Roles.PARTNER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit the priced revision: catalog version, configuration, price list version and price validity are checked"
            + " against their owners' databases; APPROVED without approval signals (under the current policy), else PENDING_APPROVAL")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentCommandResponses.KEY_HEADER, required = true)
    @ApiResponse(responseCode = "200", description = "The submitted quote; ETag is its new version")
    @ApiResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_REQUIRED, VALIDATION_FAILED (If-Match)")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs SALES_AGENT or PARTNER)")
    @ApiResponse(responseCode = "404", description = "QUOTE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "CATALOG_VERSION_STALE, CONFIGURATION_STALE, QUOTE_PRICING_STALE (each with remediation),"
            + " QUOTE_NOT_PRICED, QUOTE_EXPIRED, DISCOUNT_NOT_APPROVABLE, IDEMPOTENCY_REQUEST_IN_PROGRESS")
    @ApiResponse(responseCode = "412", description = "QUOTE_VERSION_CONFLICT")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    @ApiResponse(responseCode = "503", description = "CATALOG_UNAVAILABLE, PRICING_UNAVAILABLE (the key is given back)")
    public Response submit(@PathParam("quoteId") String quoteId, @HeaderParam(IdempotentCommandResponses.KEY_HEADER) String key,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        return pipeline.post(submitting.command(QuoteId.ofPath(quoteId), expected), key, uri, null, views::of);
    }
}
