package dev.cpq.quote.acceptance.boundary;

import dev.cpq.platform.command.boundary.CommandPipeline;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.acceptance.control.QuoteAccepting;
import dev.cpq.quote.core.boundary.QuoteViews;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.RevisionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import java.util.UUID;

/**
 * {@code POST /quotes/{id}/accept}. (One path per resource class: JAX-RS picks the root resource by its
 * path alone, so a class at {@code quotes/{quoteId}} would hide {@code /quotes/{id}/lines}.)
 */
@Path("quotes/{quoteId}/accept")
@ApplicationScoped
public class AcceptanceResource {

    private QuoteAccepting accepting;
    private CommandPipeline pipeline;
    private QuoteViews views;

    protected AcceptanceResource() {}

    @Inject
    public AcceptanceResource(QuoteAccepting accepting, CommandPipeline pipeline, QuoteViews views) {
        this.accepting = accepting;
        this.pipeline = pipeline;
        this.views = views;
    }

    public record AcceptRequest(@NotNull UUID quoteRevisionId, @NotNull UUID priceResultId) {}

    @POST
    @RolesAllowed({Roles.SALES_AGENT, Roles.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept the approved revision: ACCEPTED, an immutable snapshot and a QuoteAccepted event, in one transaction")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentCommandResponses.KEY_HEADER, required = true)
    @ApiResponse(responseCode = "200", description = "The accepted quote; ETag is its new version; a Link header"
            + " <.../quotes/{id}/revisions/{revisionId}/snapshot>; rel=\"snapshot\" names the immutable snapshot")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs SALES_AGENT or PARTNER)")
    @ApiResponse(responseCode = "404", description = "QUOTE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "STALE_APPROVAL, CATALOG_VERSION_STALE, CONFIGURATION_STALE, QUOTE_PRICING_STALE,"
            + " QUOTE_EXPIRED, QUOTE_NOT_APPROVED, IDEMPOTENCY_REQUEST_IN_PROGRESS")
    @ApiResponse(responseCode = "412", description = "QUOTE_VERSION_CONFLICT")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED, PRICE_LIST_NOT_FOUND")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    @ApiResponse(responseCode = "503", description = "CATALOG_UNAVAILABLE, PRICING_UNAVAILABLE (the key is given back)")
    public Response accept(@PathParam("quoteId") String quoteId, @HeaderParam(IdempotentCommandResponses.KEY_HEADER) String key,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri,
            @Valid @NotNull AcceptRequest body) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        QuoteId id = QuoteId.ofPath(quoteId);
        Response answer = pipeline.post(accepting.command(id, expected, new RevisionId(body.quoteRevisionId()), body.priceResultId()), key, uri,
                body, views::of);
        if (answer.getStatus() != 200) {
            return answer;
        }
        // the accepted revision's immutable snapshot, linked from the answer (and its replays)
        URI snapshot = uri.getBaseUriBuilder().path("quotes").path(id.value().toString()).path("revisions").path(body.quoteRevisionId().toString())
                .path("snapshot").build();
        return Response.fromResponse(answer).link(snapshot, "snapshot").build();
    }
}
