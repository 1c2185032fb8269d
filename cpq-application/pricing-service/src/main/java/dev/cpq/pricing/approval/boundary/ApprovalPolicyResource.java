package dev.cpq.pricing.approval.boundary;

import dev.cpq.platform.security.boundary.AcceptsServiceIdentity;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.pricing.approval.control.ApprovalPolicyPublishing;
import dev.cpq.pricing.approval.control.ApprovalPolicyQueries;
import dev.cpq.pricing.approval.control.ApprovalPolicyVisibility;
import dev.cpq.pricing.approval.entity.ApprovalPolicyNotFoundException;
import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.pricing.approval.entity.ApprovalPolicy;
import dev.cpq.pricing.approval.entity.ApprovalThreshold;
import dev.cpq.pricing.approval.entity.ApproverRole;
import dev.cpq.pricing.money.entity.DiscountPercent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /approval-policy}: the tenant's discount limits by role; every change is a new policy version (the ETag). */
@Path("approval-policy")
@ApplicationScoped
public class ApprovalPolicyResource {

    private ApprovalPolicyPublishing publishing;
    private ApprovalPolicyQueries queries;
    private ApprovalPolicyVisibility visibility;

    protected ApprovalPolicyResource() {}

    @Inject
    public ApprovalPolicyResource(ApprovalPolicyPublishing publishing, ApprovalPolicyQueries queries, ApprovalPolicyVisibility visibility) {
        this.publishing = publishing;
        this.queries = queries;
        this.visibility = visibility;
    }

    public record ThresholdRequest(@NotNull ApproverRole role, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal maxDiscountPercent) {}

    public record PolicyRequest(@NotNull @Size(min = 1, max = 3) List<@Valid @NotNull ThresholdRequest> thresholds) {}

    public record ThresholdView(String role, BigDecimal maxDiscountPercent) {}

    /**
     * Version 0 with no thresholds: no policy set yet (every discount above 0 then needs a SALES_MANAGER).
     * {@code newerVersionPublishedAt} (asked with {@code since}): when the first version after {@code since} was made.
     */
    public record PolicyView(long policyVersion, List<ThresholdView> thresholds, Instant createdAt, Instant newerVersionPublishedAt) {

        static final PolicyView NONE = new PolicyView(0, List.of(), null, null);

        static PolicyView of(ApprovalPolicy p) {
            return new PolicyView(p.policyVersion(),
                    p.thresholds().stream().map(t -> new ThresholdView(t.role().name(), t.maxDiscount().value())).toList(), p.createdAt(), null);
        }

        PolicyView since(Instant newer) {
            return new PolicyView(policyVersion, thresholds, createdAt, newer);
        }
    }

    @AcceptsServiceIdentity
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The current approval policy; ETag is its policy version (\"0\" while none is set)")
    @ApiResponse(responseCode = "200", description = "The current policy, or version 0 without thresholds when none is set yet")
    @ApiResponse(responseCode = "404", description = "APPROVAL_POLICY_NOT_FOUND (partners: thresholds are not visible to them)")
    public Response current(@Parameter(hidden = true) @HeaderParam(InternalCallSignature.HEADER) String internalCallMark,
            @Parameter(description = "a policy version a decision was made under: answers when the first newer version was published")
            @QueryParam("since") String sinceText, @Context UriInfo uriInfo) {
        if (!visibility.visible(internalCallMark, "GET", uriInfo.getRequestUri())) {
            throw new ApprovalPolicyNotFoundException();
        }
        Long since = versionSince(sinceText);
        PolicyView view = queries.current().map(PolicyView::of).orElse(PolicyView.NONE);
        if (since != null && since < view.policyVersion()) {
            view = view.since(queries.firstPublishedAfter(since).orElse(null));
        }
        return Response.ok(view).header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(view.policyVersion())).build();
    }

    @PUT
    @RolesAllowed(Roles.PRICING_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the discount limits: appends a new policy version and makes it current (ApprovalPolicyPublished event)")
    @ApiResponse(responseCode = "200", description = "The new policy version; ETag is its policy version")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (unknown role, role twice, percent range or scale)")
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs PRICING_ADMIN)")
    @ApiResponse(responseCode = "412", description = "APPROVAL_POLICY_VERSION_CONFLICT (expectedVersion, currentVersion)")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED (a policy exists)")
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED")
    public Response replace(@Parameter(description = "ETag (policy version) the change was made against; optional for the first policy")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull PolicyRequest body) {
        Optional<ExpectedVersion> expected = ifMatch == null || ifMatch.isBlank() ? Optional.empty() : Optional.of(ExpectedVersion.fromIfMatch(ifMatch));
        List<ApprovalThreshold> thresholds = thresholds(body.thresholds());
        ApprovalPolicy policy = publishing.replace(expected, thresholds);
        return Response.ok(PolicyView.of(policy)).header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(policy.policyVersion())).build();
    }

    private static List<ApprovalThreshold> thresholds(List<ThresholdRequest> requests) {
        List<ApprovalThreshold> thresholds = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            ThresholdRequest r = requests.get(i);
            try {
                thresholds.add(ApprovalThreshold.of(r.role(), new DiscountPercent(r.maxDiscountPercent())));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("thresholds[" + i + "].maxDiscountPercent", e.getMessage());
            }
        }
        try {
            ApprovalPolicy.requireValid(thresholds);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("thresholds", e.getMessage());
        }
        return thresholds;
    }

    /**
     * {@code since} read as text: a non-numeric, negative or oversized value is bad input (400), not the 404
     * JAX-RS gives unconvertible query parameters (nor a 500).
     */
    private static Long versionSince(String since) {
        if (since == null) {
            return null;
        }
        if (!since.matches("[0-9]{1,18}")) {
            throw new InvalidRequestException("since", "since is a version number from 0 to 999999999999999999");
        }
        return Long.parseLong(since);
    }
}
