package dev.cpq.pricing.pricelist.boundary;

import dev.cpq.pricing.pricelist.control.PriceListOffers;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /price-lists/{priceListId}/scopes}: the currency/market/channel combinations the list's
 * active version has prices in, read from the database (an extension of the contract; quote-service
 * checks a new quote against it).
 */
@Path("price-lists/{priceListId}/scopes")
@ApplicationScoped
public class PriceListOfferResource {

    private PriceListOffers offers;

    protected PriceListOfferResource() {}

    @Inject
    public PriceListOfferResource(PriceListOffers offers) {
        this.offers = offers;
    }

    public record ScopeView(String currency, String market, String channel) {}

    public record OfferView(String priceListId, long priceListVersion, List<ScopeView> scopes) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the list's active version has prices: its currency/market/channel combinations, from the database")
    @ApiResponse(responseCode = "200", description = "The active version and its scopes")
    @ApiResponse(responseCode = "404", description = "PRICE_LIST_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PRICE_LIST_NOT_PUBLISHED")
    public OfferView scopes(@PathParam("priceListId") @Pattern(regexp = PriceListId.PATTERN) String priceListId) {
        PriceListOffers.Offer offer = offers.offer(new PriceListId(priceListId));
        return new OfferView(offer.active().priceListId().value(), offer.active().version().sequence(),
                offer.scopes().stream().map(s -> new ScopeView(s.currencyCode(), s.market(), s.channel())).toList());
    }
}
