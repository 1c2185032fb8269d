package dev.cpq.pricing.pricelist.boundary;

import dev.cpq.platform.security.boundary.AcceptsServiceIdentity;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.pricing.pricelist.control.PriceListDrafting;
import dev.cpq.pricing.pricelist.control.PriceListQueries;
import dev.cpq.pricing.pricelist.entity.ActiveTerms;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.StalenessPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/** {@code /price-lists}: the tenant's price lists, their versions, and opening a new draft version. */
@Path("price-lists")
@ApplicationScoped
public class PriceListsResource {

    private PriceListDrafting drafting;
    private PriceListQueries queries;
    private IdempotentCommandResponses idempotent;

    protected PriceListsResource() {}

    @Inject
    public PriceListsResource(PriceListDrafting drafting, PriceListQueries queries, IdempotentCommandResponses idempotent) {
        this.drafting = drafting;
        this.queries = queries;
        this.idempotent = idempotent;
    }

    /** Every field optional: absent ones are copied from the active (else newest) version, or defaulted for a new list. */
    public record OpenDraftRequest(@Size(max = PriceList.MAX_NAME_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
            StalenessPolicy stalenessPolicy, @Min(1) @Max(365) Integer validityDays) {}

    public record PriceListView(String priceListId, String name, Long activeVersion, Instant publishedAt, String stalenessPolicy,
            int validityDays, List<Long> draftVersions) {

        static PriceListView of(PriceListQueries.Overview o) {
            PriceList current = o.current();
            return new PriceListView(o.priceListId().value(), current.name(), o.active().map(a -> a.version().sequence()).orElse(null),
                    o.active().flatMap(PriceList::publishedAt).orElse(null), current.stalenessPolicy().name(), current.validityDays().days(),
                    o.drafts().stream().map(d -> d.version().sequence()).toList());
        }
    }

    public record OpenedDraftView(String priceListId, long priceListVersion, String status, String name, String stalenessPolicy,
            int validityDays, Instant createdAt, Long copiedFromVersion, int entriesCopied) {}

    /**
     * The active version; {@code approvalPolicyVersion} (an extension) is the approval policy in force, 0 while none is set;
     * {@code newerVersionPublishedAt} (an extension, asked with {@code since}) when the first version newer than
     * {@code since} was published (null while none is): a result priced on {@code since} after it is stale.
     */
    public record ActiveVersionView(String priceListId, long priceListVersion, String name, String stalenessPolicy, int validityDays,
            Instant publishedAt, long approvalPolicyVersion, Instant newerVersionPublishedAt) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's price lists with their active version, open drafts and staleness policy")
    public List<PriceListView> priceLists() {
        return queries.overview().stream().map(PriceListView::of).toList();
    }

    @POST
    @Path("{priceListId}/versions")
    @RolesAllowed(Roles.PRICING_ADMIN)
    @Operation(summary = "Open a new draft version of a price list (creating the list with its first draft); entries are copied from the active version")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentCommandResponses.KEY_HEADER, required = true,
            description = "Scopes retries: same key + same request replays the answer")
    @ApiResponse(responseCode = "201", description = "Draft opened; Location and ETag of the new version")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED")
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs PRICING_ADMIN)")
    @ApiResponse(responseCode = "409", description = "IDEMPOTENCY_REQUEST_IN_PROGRESS")
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response openDraft(@PathParam("priceListId") @Pattern(regexp = PriceListId.PATTERN) String priceListId,
            @HeaderParam(IdempotentCommandResponses.KEY_HEADER) String key, @Context UriInfo uri, @Valid OpenDraftRequest body) {
        PriceListId id = new PriceListId(priceListId);
        return idempotent.execute(PriceListDrafting.OPEN_DRAFT, key, "POST", uri, body, () -> {
            PriceListDrafting.Opened opened = body == null
                    ? drafting.openDraft(id, null, null, null)
                    : drafting.openDraft(id, body.name(), body.stalenessPolicy(), body.validityDays());
            PriceList d = opened.draft();
            return idempotent.created(new OpenedDraftView(d.priceListId().value(), d.version().sequence(), d.status().name(), d.name(),
                            d.stalenessPolicy().name(), d.validityDays().days(), d.createdAt(), opened.copiedFrom().orElse(null),
                            opened.entriesCopied()),
                    uri.getAbsolutePathBuilder().path(Long.toString(d.version().sequence())).build(), d.rowVersion());
        });
    }

    @GET
    @Path("{priceListId}/versions/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One version of a price list with its entries; ETag is its row version (If-Match of edits and publication)")
    @ApiResponse(responseCode = "200", description = "The version and its entries")
    @ApiResponse(responseCode = "404", description = "PRICE_LIST_NOT_FOUND, PRICE_LIST_VERSION_NOT_FOUND")
    public Response version(@PathParam("priceListId") @Pattern(regexp = PriceListId.PATTERN) String priceListId,
            @PathParam("version") @Positive long version) {
        PriceListQueries.VersionDetail detail = queries.version(new PriceListId(priceListId), version);
        return Response.ok(PriceListVersionView.of(detail.priceList(), detail.entries()))
                .header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(detail.priceList().rowVersion()))
                .build();
    }

    @AcceptsServiceIdentity
    @GET
    @Path("{priceListId}/active-version")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The list's published version and the approval policy version, read from the database (never Redis)")
    @ApiResponse(responseCode = "200", description = "The active version; ETag is its row version")
    @ApiResponse(responseCode = "404", description = "PRICE_LIST_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PRICE_LIST_NOT_PUBLISHED")
    public Response activeVersion(@PathParam("priceListId") @Pattern(regexp = PriceListId.PATTERN) String priceListId,
            @Parameter(description = "a version a result was priced on: answers when the first newer version was published")
            @QueryParam("since") String sinceText) {
        Long since = versionSince(sinceText);
        PriceListId id = new PriceListId(priceListId);
        ActiveTerms terms = queries.activeTerms(id);
        PriceList active = terms.active();
        // a second read only when a newer version exists: the usual submit (priced on the active version) costs none
        Instant newer = since != null && since < active.version().sequence() ? queries.firstPublishedAfter(id, since).orElse(null) : null;
        return Response.ok(new ActiveVersionView(active.priceListId().value(), active.version().sequence(), active.name(),
                        active.stalenessPolicy().name(), active.validityDays().days(), active.publishedAt().orElse(null),
                        terms.approvalPolicyVersion(), newer))
                .header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(active.rowVersion()))
                .build();
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
