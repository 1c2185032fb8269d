package dev.cpq.quote.acceptance.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.quote.acceptance.control.QuoteAccepting;
import dev.cpq.quote.acceptance.entity.QuoteSnapshotNotFoundException;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteNotFoundException;
import dev.cpq.quote.core.entity.RevisionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /quotes/{id}/revisions/{revisionId}/snapshot}: what the customer accepted, from the database (never Redis). */
@Path("quotes/{quoteId}/revisions/{revisionId}/snapshot")
@ApplicationScoped
public class SnapshotResource {

    private QuoteAccepting accepting;

    protected SnapshotResource() {}

    @Inject
    public SnapshotResource(QuoteAccepting accepting) {
        this.accepting = accepting;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The immutable accepted snapshot of a revision, from the database (ETag \"1\": it never changes)")
    @ApiResponse(responseCode = "200", description = "Lines, configuration, prices, versions, hashes, approval evidence, snapshotHash")
    @ApiResponse(responseCode = "404", description = "QUOTE_NOT_FOUND, QUOTE_SNAPSHOT_NOT_FOUND")
    public Response snapshot(@PathParam("quoteId") String quoteId, @PathParam("revisionId") String revisionId) {
        QuoteId id = QuoteId.parse(quoteId).orElseThrow(() -> new QuoteNotFoundException(quoteId));
        RevisionId revision = RevisionId.parse(revisionId).orElseThrow(() -> new QuoteSnapshotNotFoundException(quoteId, revisionId));
        JsonNode document = accepting.snapshot(id, revision).document();
        return Response.ok(document).header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(1)).build();
    }
}
