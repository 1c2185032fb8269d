package dev.cpq.pricing.pricelist.boundary;

import dev.cpq.platform.idempotency.boundary.IdempotentCommandResponses;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.pricing.money.entity.Money;
import dev.cpq.pricing.pricelist.control.PriceEntryEditing;
import dev.cpq.pricing.pricelist.entity.PriceEntry;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PricePoint;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

/** {@code PUT /price-lists/{id}/versions/{v}/entries/{offeringId}}: replace an offering's prices in a draft. */
@Path("price-lists/{priceListId}/versions/{version}/entries")
@ApplicationScoped
public class PriceEntriesResource {

    static final String MAX_AMOUNT = "999999999999999";

    private PriceEntryEditing editing;

    protected PriceEntriesResource() {}

    @Inject
    public PriceEntriesResource(PriceEntryEditing editing) {
        this.editing = editing;
    }

    /** Amounts are JSON numbers, at most the currency's decimal places; {@code recurring} is per month. */
    public record PriceRequest(@NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotNull @Pattern(regexp = PriceScope.ID_PATTERN) String market, @NotNull @Pattern(regexp = PriceScope.ID_PATTERN) String channel,
            @NotNull @DecimalMin("0") @DecimalMax(MAX_AMOUNT) BigDecimal oneTime,
            @NotNull @DecimalMin("0") @DecimalMax(MAX_AMOUNT) BigDecimal recurring) {}

    /** The offering's complete set of prices in this version (an empty list removes them). */
    public record EntriesRequest(@NotNull @Size(max = 500) List<@Valid @NotNull PriceRequest> prices) {}

    public record EntriesView(String priceListId, long priceListVersion, String offeringId, List<PriceListVersionView.EntryView> prices) {}

    @PUT
    @Path("{offeringId}")
    @Operation(summary = "Replace an offering's prices (per currency, market and channel) in a draft price list version")
    @ApiResponse(responseCode = "200", description = "Stored; ETag is the draft's new row version")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (amount scale, currency, ids, duplicate scope)")
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN (needs PRICING_ADMIN)")
    @ApiResponse(responseCode = "404", description = "PRICE_LIST_NOT_FOUND, PRICE_LIST_VERSION_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PRICE_LIST_VERSION_NOT_DRAFT")
    @ApiResponse(responseCode = "412", description = "PRICE_LIST_VERSION_CONFLICT (expectedVersion, currentVersion)")
    @ApiResponse(responseCode = "428", description = "PRECONDITION_REQUIRED")
    @ApiResponse(responseCode = "429", description = "RATE_LIMITED")
    @RolesAllowed(Roles.PRICING_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("priceListId") @Pattern(regexp = PriceListId.PATTERN) String priceListId,
            @PathParam("version") @Positive long version,
            @PathParam("offeringId") @Pattern(regexp = PriceEntry.OFFERING_ID_PATTERN) String offeringId,
            @Parameter(required = true, description = "ETag of the draft version the edit was made against")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull EntriesRequest body) {
        ExpectedVersion expected = ExpectedVersion.fromIfMatch(ifMatch);
        List<PricePoint> prices = pricePoints(body.prices());
        PriceEntryEditing.Edited edited = editing.putEntries(new PriceListId(priceListId), version, expected, offeringId, prices);
        return Response.ok(new EntriesView(priceListId, version, offeringId,
                        edited.prices().stream().map(p -> PriceListVersionView.EntryView.of(offeringId, p)).toList()))
                .header(HttpHeaders.ETAG, IdempotentCommandResponses.etag(edited.priceList().rowVersion()))
                .build();
    }

    /** Each rule the field constraints cannot express, reported on the field it concerns. */
    private static List<PricePoint> pricePoints(List<PriceRequest> requests) {
        List<PricePoint> prices = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            PriceRequest r = requests.get(i);
            String at = "prices[" + i + "].";
            PriceScope scope = convert(at + "currency", () -> PriceScope.of(r.currency(), r.market(), r.channel()));
            Currency currency = scope.currency();
            Money oneTime = convert(at + "oneTime", () -> Money.of(r.oneTime(), currency));
            Money recurring = convert(at + "recurring", () -> Money.of(r.recurring(), currency));
            prices.add(new PricePoint(scope, oneTime, recurring));
        }
        convert("prices", () -> {
            PricePoint.requireDistinctScopes(prices);
            return prices;
        });
        return prices;
    }

    private static <T> T convert(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
