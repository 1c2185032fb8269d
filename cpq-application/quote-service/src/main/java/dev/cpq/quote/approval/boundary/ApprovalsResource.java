package dev.cpq.quote.approval.boundary;

import dev.cpq.platform.command.boundary.CommandPipeline;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.approval.control.ApprovalDeciding;
import dev.cpq.quote.approval.entity.ApprovalDecision;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /quotes/{id}/approvals}: an approver's decision on the current revision and price result, and the evidence. */
@Path("quotes/{quoteId}/approvals")
@ApplicationScoped
public class ApprovalsResource {

    private ApprovalDeciding deciding;
    private CommandPipeline pipeline;
    private QuoteViews views;

    protected ApprovalsResource() {}

    @Inject
    public ApprovalsResource(ApprovalDeciding deciding, CommandPipeline pipeline, QuoteViews views) {
        this.deciding = deciding;
        this.pipeline = pipeline;
        this.views = views;
    }

    public record DecisionRequest(@NotNull UUID quoteRevisionId, @NotNull UUID priceResultId, @NotNull ApprovalDecision.Decision decision,
            @Size(max = 1000) String reason) {}

    public record DecisionView(UUID quoteRevisionId, UUID priceResultId, String requirement, String decision, String reason, String decidedBy,
            boolean automatic, String authorityRole, BigDecimal authorityMaxDiscountPercent, long policyVersion, Instant decidedAt) {

        public static DecisionView of(ApprovalDecision d) {
            return new DecisionView(d.revisionId().value(), d.priceResultId(), d.requirement().name(), d.decision().name(), d.reason().orElse(null),
                    d.decidedBy(), d.automatic(), d.authorityRole(), d.authorityMaxDiscount().orElse(null), d.policyVersion(), d.decidedAt());
        }
    }

    @POST
    @RolesAllowed(Roles.SALES_MANAGER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide on a quote PENDING_APPROVAL: APPROVED -> quote APPROVED, REJECTED -> quote REJECTED (ends the revision);"
            + " recorded as immutable evidence bound to the revision, price result, requirement and the approver's authority")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentCommandResponses.KEY_HEADER, required = true)
    @ApiResponse(responseCode = "200", description = "The decided quote; ETag is its new version")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs SALES_MANAGER)")
    @ApiResponse(responseCode = "404", description = "QUOTE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "STALE_APPROVAL (revision or price result not current), QUOTE_NOT_PENDING_APPROVAL,"
            + " QUOTE_EXPIRED, IDEMPOTENCY_REQUEST_IN_PROGRESS")
    @ApiResponse(responseCode = "412", description = "QUOTE_VERSION_CONFLICT")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    public Response decide(@PathParam("quoteId") String quoteId, @HeaderParam(IdempotentCommandResponses.KEY_HEADER) String key,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri,
            @Valid @NotNull DecisionRequest body) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        return pipeline.post(deciding.command(QuoteId.ofPath(quoteId), expected, new RevisionId(body.quoteRevisionId()), body.priceResultId(),
                body.decision(), body.reason()), key, uri, body, views::of);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The quote's approval evidence (every revision), oldest first, from the database")
    @ApiResponse(responseCode = "200", description = "The decisions")
    @ApiResponse(responseCode = "404", description = "QUOTE_NOT_FOUND")
    public List<DecisionView> decisions(@PathParam("quoteId") String quoteId) {
        QuoteId id = QuoteId.ofPath(quoteId);
        return deciding.decisionsOf(id).stream().map(DecisionView::of).toList();
    }
}
