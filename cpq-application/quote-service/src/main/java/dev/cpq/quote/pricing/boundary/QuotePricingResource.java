package dev.cpq.quote.pricing.boundary;

import dev.cpq.platform.command.boundary.CommandPipeline;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.core.boundary.QuoteViews;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.pricing.control.QuotePricing;
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

/** {@code POST /quotes/{id}/price}: price the current revision with pricing-service and record the result. */
@Path("quotes/{quoteId}/price")
@ApplicationScoped
public class QuotePricingResource {

    private QuotePricing pricing;
    private CommandPipeline pipeline;
    private QuoteViews views;

    protected QuotePricingResource() {}

    @Inject
    public QuotePricingResource(QuotePricing pricing, CommandPipeline pipeline, QuoteViews views) {
        this.pricing = pricing;
        this.pipeline = pipeline;
        this.views = views;
    }

    @POST
    @RolesAllowed({Roles.SALES_AGENT, Roles.PARTNER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Price the current revision: records priceResultId, priceListVersion, priceHash, validUntil, staleness policy,"
            + " policy version and approval signals; the quote becomes PRICED (an earlier approval no longer counts)")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentCommandResponses.KEY_HEADER, required = true)
    @ApiResponse(responseCode = "200", description = "The priced quote; ETag is its new version")
    @ApiResponse(responseCode = "400", description = "IDEMPOTENCY_KEY_REQUIRED, VALIDATION_FAILED (If-Match)")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs SALES_AGENT or PARTNER)")
    @ApiResponse(responseCode = "404", description = "QUOTE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "CATALOG_VERSION_STALE (from pricing), QUOTE_STATE_CONFLICT, QUOTE_HAS_NO_LINES,"
            + " QUOTE_EXPIRED, PRICE_LIST_NOT_PUBLISHED, IDEMPOTENCY_REQUEST_IN_PROGRESS")
    @ApiResponse(responseCode = "412", description = "QUOTE_VERSION_CONFLICT (also when the revision changed while pricing answered)")
    @ApiResponse(responseCode = "422", description = "PRICE_NOT_FOUND, PRICE_LIST_NOT_FOUND, IDEMPOTENCY_KEY_REUSED")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    @ApiResponse(responseCode = "503", description = "PRICING_UNAVAILABLE (the key is given back)")
    public Response price(@PathParam("quoteId") String quoteId, @HeaderParam(IdempotentCommandResponses.KEY_HEADER) String key,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        return pipeline.post(pricing.command(QuoteId.ofPath(quoteId), expected), key, uri, null, views::of);
    }
}
