package dev.cpq.pricing.calculation.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.pricing.approval.control.ApprovalPolicyVisibility;
import dev.cpq.pricing.approval.entity.ApprovalSignal;
import dev.cpq.pricing.approval.entity.ApproverRole;
import dev.cpq.pricing.calculation.control.PriceCalculating;
import dev.cpq.pricing.calculation.control.PriceResultQueries;
import dev.cpq.pricing.calculation.entity.CalculationInput;
import dev.cpq.pricing.calculation.entity.CalculationLine;
import dev.cpq.pricing.calculation.entity.PriceTotals;
import dev.cpq.pricing.calculation.entity.PricedCalculation;
import dev.cpq.pricing.calculation.entity.PricedContent;
import dev.cpq.pricing.calculation.entity.PricedLine;
import dev.cpq.pricing.money.entity.DiscountPercent;
import dev.cpq.pricing.pricelist.entity.PriceEntry;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /price-calculations}: price lines against the active catalog, price list and approval policy
 * versions, and read stored results.
 * <p>
 * A calculation takes no Idempotency-Key: it is content-addressed. The same input on the same versions
 * answers with the same stored result (same id, same hashes) while that result stays valid for at least
 * a day, so a retry never creates a second, different price; 201 when this call stored the result, 200
 * when an existing one was reused.
 */
@Path("price-calculations")
@ApplicationScoped
public class PriceCalculationsResource {

    static final String OPTION_CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private PriceCalculating calculating;
    private PriceResultQueries results;
    private ApprovalPolicyVisibility limits;

    protected PriceCalculationsResource() {}

    @Inject
    public PriceCalculationsResource(PriceCalculating calculating, PriceResultQueries results, ApprovalPolicyVisibility limits) {
        this.calculating = calculating;
        this.results = results;
        this.limits = limits;
    }

    public record LineRequest(@NotNull @Pattern(regexp = PriceEntry.OFFERING_ID_PATTERN) String offeringId,
            @Size(max = CalculationLine.MAX_OPTIONS) Map<@NotNull @Pattern(regexp = OPTION_CODE) String, @NotBlank @Size(max = 100) String> options,
            @NotNull @Min(1) @Max(CalculationLine.MAX_QUANTITY) Integer quantity,
            @NotNull @Min(0) @Max(CalculationLine.MAX_TERM_MONTHS) Integer termMonths,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal discountPercent) {}

    /** {@code priceListId} is optional: absent, the tenant's only price list is used (several: 400). */
    public record CalculationRequest(@Pattern(regexp = PriceListId.PATTERN) String priceListId, @NotNull @Positive Long catalogVersion,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @NotNull @Pattern(regexp = PriceScope.ID_PATTERN) String market,
            @NotNull @Pattern(regexp = PriceScope.ID_PATTERN) String channel,
            @NotNull @Size(min = 1, max = CalculationInput.MAX_LINES) List<@Valid @NotNull LineRequest> lines) {}

    /**
     * A stored price result; every amount at the currency's scale. A partner reads its signals without the
     * approval limits (null, never omitted): the stored result and its hashes keep them.
     */
    public record PriceResultView(UUID priceResultId, String priceListId, long priceListVersion, long catalogVersion, long policyVersion,
            String inputHash, String priceHash, String currency, String market, String channel, List<PricedLine> lines, PriceTotals totals,
            Instant pricedAt, Instant validUntil, String stalenessPolicy, List<SignalView> approvalSignals) {

        static PriceResultView of(PricedCalculation r, boolean limitsVisible) {
            PricedContent c = r.content();
            List<SignalView> signals = c.approvalSignals().stream().map(s -> SignalView.of(s, limitsVisible)).toList();
            return new PriceResultView(r.priceResultId(), c.priceListId(), c.priceListVersion(), c.catalogVersion(), c.policyVersion(),
                    r.inputHash(), r.priceHash(), c.currency(), c.market(), c.channel(), c.lines(), c.totals(), r.pricedAt(), r.validUntil(),
                    c.stalenessPolicy().name(), signals);
        }
    }

    /** An approval signal with every field present; the two limits null where the caller may not see them. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SignalView(int lineIndex, String offeringId, BigDecimal discountPercent, ApproverRole requiredRole, BigDecimal thresholdPercent,
            String reason, boolean approvable, BigDecimal approverMaxPercent) {

        static SignalView of(ApprovalSignal s, boolean limitsVisible) {
            return new SignalView(s.lineIndex(), s.offeringId(), s.discountPercent(), s.requiredRole(), limitsVisible ? s.thresholdPercent() : null,
                    s.reason(), s.approvable(), limitsVisible ? s.approverMaxPercent() : null);
        }
    }

    @POST
    @RolesAllowed({Roles.SALES_AGENT, Roles.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Price lines against the active catalog, price list and approval policy versions (content-addressed, no Idempotency-Key)")
    @ApiResponse(responseCode = "201", description = "Priced and stored; Location of the result")
    @ApiResponse(responseCode = "200", description = "An equal, still valid result existed and is answered again")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (incl. priceListId when the tenant has not exactly one list)")
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs SALES_AGENT or PARTNER)")
    @ApiResponse(responseCode = "404", description = "PRICE_LIST_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "CATALOG_VERSION_STALE (catalogVersion, currentVersion, remediation), PRICE_LIST_NOT_PUBLISHED")
    @ApiResponse(responseCode = "422", description = "PRICE_NOT_FOUND (offeringId, currency, market, channel)")
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED")
    @ApiResponse(responseCode = "503", description = "CATALOG_UNAVAILABLE")
    public Response calculate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @HeaderParam(InternalCallSignature.HEADER) String internalCallMark, @Context UriInfo uri,
            @Valid @NotNull CalculationRequest body) {
        PriceCalculating.Calculated calculated = calculating.calculate(input(body), authorization);
        PricedCalculation result = calculated.result();
        URI location = uri.getAbsolutePathBuilder().path(result.priceResultId().toString()).build();
        Response.ResponseBuilder response = calculated.created() ? Response.created(location) : Response.ok().contentLocation(location);
        // quote-service pricing on a partner's behalf (its mark) needs the limits to decide the submit
        return response.entity(PriceResultView.of(result, limits.visible(internalCallMark, "POST", uri.getRequestUri()))).build();
    }

    @GET
    @Path("{priceResultId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A stored price result, from the database")
    @ApiResponse(responseCode = "200", description = "The result; immutable, so its ETag is always \"1\"")
    @ApiResponse(responseCode = "404", description = "PRICE_RESULT_NOT_FOUND")
    public Response result(@PathParam("priceResultId") String priceResultId,
            @Parameter(hidden = true) @HeaderParam(InternalCallSignature.HEADER) String internalCallMark, @Context UriInfo uri) {
        PriceResultView view = PriceResultView.of(results.byId(priceResultId), limits.visible(internalCallMark, "GET", uri.getRequestUri()));
        return Response.ok(view).header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(1)).build();
    }

    /** The request as the domain's input; each rule the field constraints cannot express names its field. */
    private static CalculationInput input(CalculationRequest body) {
        PriceScope scope = convert("currency", () -> PriceScope.of(body.currency(), body.market(), body.channel()));
        List<CalculationLine> lines = new ArrayList<>(body.lines().size());
        for (int i = 0; i < body.lines().size(); i++) {
            LineRequest l = body.lines().get(i);
            DiscountPercent discount = convert("lines[" + i + "].discountPercent", () -> new DiscountPercent(l.discountPercent()));
            lines.add(convert("lines[" + i + "]", () -> CalculationLine.of(l.offeringId(), l.options(), l.quantity(), l.termMonths(), discount)));
        }
        return convert("lines", () -> new CalculationInput(Optional.ofNullable(body.priceListId()).map(PriceListId::new), body.catalogVersion(),
                scope, lines));
    }

    private static <T> T convert(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
