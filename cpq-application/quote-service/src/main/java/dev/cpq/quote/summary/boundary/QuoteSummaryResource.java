package dev.cpq.quote.summary.boundary;

import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.quote.summary.control.QuoteSummaries;
import dev.cpq.quote.summary.entity.QuoteSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /quotes/{id}/summary}: the worklist card of a quote, read through the cache. */
@Path("quotes/{quoteId}/summary")
@ApplicationScoped
public class QuoteSummaryResource {

    private QuoteSummaries summaries;

    protected QuoteSummaryResource() {}

    @Inject
    public QuoteSummaryResource(QuoteSummaries summaries) {
        this.summaries = summaries;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The quote's summary card, through the cache (invalidated on every change); for display only")
    @ApiResponse(responseCode = "200", description = "The summary; ETag is the quote version it shows")
    @ApiResponse(responseCode = "404", description = "QUOTE_NOT_FOUND")
    public Response summary(@PathParam("quoteId") String quoteId) {
        QuoteSummary summary = summaries.summary(quoteId);
        return Response.ok(summary).header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(summary.version())).build();
    }
}
