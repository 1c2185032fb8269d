package dev.cpq.quote.drafting.boundary;

import dev.cpq.platform.command.boundary.CommandPipeline;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.core.boundary.QuoteView;
import dev.cpq.quote.core.boundary.QuoteViews;
import dev.cpq.quote.drafting.control.QuoteDrafting;
import dev.cpq.quote.drafting.control.QuoteQueries;
import dev.cpq.quote.core.entity.LineChoice;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteLine;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.Quotes;
import dev.cpq.quote.drafting.entity.WorklistCursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /quotes}: open a quote, the sales worklist, one quote, and replacing its lines. */
@Path("quotes")
@ApplicationScoped
public class QuotesResource {

    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    static final String SCOPE_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}";
    static final String LIST_ID = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
    static final String CUSTOMER_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    private QuoteDrafting drafting;
    private QuoteQueries queries;
    private CommandPipeline pipeline;
    private QuoteViews views;

    protected QuotesResource() {}

    @Inject
    public QuotesResource(QuoteDrafting drafting, QuoteQueries queries, CommandPipeline pipeline, QuoteViews views) {
        this.drafting = drafting;
        this.queries = queries;
        this.pipeline = pipeline;
        this.views = views;
    }

    public record CreateRequest(@NotNull @Pattern(regexp = CUSTOMER_ID) String customerId, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull @Pattern(regexp = SCOPE_ID) String market, @NotNull @Pattern(regexp = SCOPE_ID) String channel,
            @NotNull @Pattern(regexp = LIST_ID) String priceListId, Instant validUntil) {}

    public record LineRequest(@NotNull @Pattern(regexp = ID) String offeringId,
            @Size(max = 50) Map<@NotNull @Pattern(regexp = ID) String, @NotBlank @Size(max = 100) String> options,
            @NotNull @Min(1) @Max(QuoteLine.MAX_QUANTITY) Integer quantity, @NotNull @Min(0) @Max(QuoteLine.MAX_TERM_MONTHS) Integer termMonths,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent) {}

    public record LinesRequest(@NotNull @Size(min = 1, max = Quote.MAX_LINES) List<@Valid @NotNull LineRequest> lines) {}

    public record WorklistPage(List<QuoteView> items, String nextCursor, int limit) {}

    @POST
    @RolesAllowed({Roles.SALES_AGENT, Roles.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a new DRAFT quote (valid 30 days unless validUntil says otherwise, at most 365)")
    @Parameter(in = ParameterIn.HEADER, name = IdempotentCommandResponses.KEY_HEADER, required = true)
    @ApiResponse(responseCode = "201", description = "Opened; Location and ETag of the quote")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (also a currency that is no ISO 4217 code with minor units),"
            + " IDEMPOTENCY_KEY_REQUIRED")
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs SALES_AGENT or PARTNER)")
    @ApiResponse(responseCode = "409", description = "IDEMPOTENCY_REQUEST_IN_PROGRESS, PRICE_LIST_NOT_PUBLISHED")
    @ApiResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED, PRICE_LIST_NOT_FOUND, PRICE_LIST_SCOPE_NOT_OFFERED"
            + " (violations name currency/market/channel; offeredScopes)")
    @ApiResponse(responseCode = "503", description = "PRICING_UNAVAILABLE (the price list could not be checked; the key is given back)")
    public Response create(@HeaderParam(IdempotentCommandResponses.KEY_HEADER) String key, @Context UriInfo uri, @Valid @NotNull CreateRequest body) {
        convert("currency", () -> Quote.requirePriceableCurrency(body.currency()));
        return pipeline.create(drafting.create(body.customerId(), body.currency(), body.market(), body.channel(), body.priceListId(),
                body.validUntil()), key, uri, body, views::of);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The sales worklist: the tenant's quotes, newest first, paged by an opaque cursor")
    @ApiResponse(responseCode = "200", description = "{items, nextCursor (absent on the last page), limit}")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (status, limit 1-100, cursor)")
    public WorklistPage worklist(@QueryParam("status") String status, @QueryParam("customerId") @Pattern(regexp = CUSTOMER_ID) String customerId,
            @QueryParam("limit") @DefaultValue("20") String limitText, @QueryParam("cursor") @Size(max = 200) String cursor) {
        // read as text: a non-numeric limit is bad input (400), not the 404 JAX-RS gives unconvertible query parameters
        int limit = convert("limit", () -> {
            if (!limitText.matches("[0-9]{1,3}") || Integer.parseInt(limitText) < 1 || Integer.parseInt(limitText) > 100) {
                throw new IllegalArgumentException("limit is a number from 1 to 100");
            }
            return Integer.parseInt(limitText);
        });
        Optional<QuoteStatus> s = Optional.ofNullable(status).filter(v -> !v.isBlank())
                .map(v -> convert("status", () -> QuoteStatus.valueOf(v.toUpperCase(Locale.ROOT))));
        Optional<Quotes.Position> after = Optional.ofNullable(cursor).filter(v -> !v.isBlank()).map(v -> convert("cursor", () -> WorklistCursor.decode(v)));
        QuoteQueries.Page page = queries.page(s, Optional.ofNullable(customerId), after, limit);
        return new WorklistPage(page.quotes().stream().map(views::of).toList(), page.nextCursor().orElse(null), limit);
    }

    @GET
    @Path("{quoteId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One quote, from the database; ETag is its version")
    @ApiResponse(responseCode = "200", description = "The quote")
    @ApiResponse(responseCode = "404", description = "QUOTE_NOT_FOUND (also for another tenant's quote)")
    public Response quote(@PathParam("quoteId") String quoteId) {
        Quote quote = queries.byId(quoteId);
        return Response.ok(views.of(quote)).header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(quote.rowVersion())).build();
    }

    @PUT
    @Path("{quoteId}/lines")
    @RolesAllowed({Roles.SALES_AGENT, Roles.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the lines (validated by catalog): a new revision in DRAFT, price and approval cleared")
    @ApiResponse(responseCode = "200", description = "The quote with its new revisionId; ETag is its new version")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @ApiResponse(responseCode = "404", description = "QUOTE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "QUOTE_STATE_CONFLICT (accepted), QUOTE_EXPIRED, CATALOG_NOT_PUBLISHED")
    @ApiResponse(responseCode = "412", description = "QUOTE_VERSION_CONFLICT (expectedVersion, currentVersion)")
    @ApiResponse(responseCode = "422", description = "CONFIGURATION_INVALID (violations with lineIndex), OFFERING_NOT_FOUND")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    @ApiResponse(responseCode = "503", description = "CATALOG_UNAVAILABLE")
    public Response replaceLines(@PathParam("quoteId") String quoteId, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LinesRequest body) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        List<LineChoice> choices = body.lines().stream()
                .map(l -> new LineChoice(l.offeringId(), l.options(), l.quantity(), l.termMonths(), l.discountPercent())).toList();
        Quote quote = pipeline.put(drafting.replaceLines(QuoteId.ofPath(quoteId), expected, choices));
        return Response.ok(views.of(quote)).header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(quote.rowVersion())).build();
    }

    static <T> T convert(String field, java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
