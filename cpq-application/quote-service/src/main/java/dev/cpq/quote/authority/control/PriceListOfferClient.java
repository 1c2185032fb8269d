package dev.cpq.quote.authority.control;

import dev.cpq.platform.remote.control.ServiceClient;
import dev.cpq.platform.remote.entity.RemoteAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.quote.authority.entity.PriceListOffer;
import dev.cpq.quote.authority.entity.PriceListOffers;
import dev.cpq.quote.authority.entity.ServiceLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** {@link PriceListOffers} over pricing-service's {@code GET /price-lists/{id}/scopes}. */
@ApplicationScoped
public class PriceListOfferClient implements PriceListOffers {

    private ServiceLocations locations;
    private ServiceClient remote;

    protected PriceListOfferClient() {}

    @Inject
    public PriceListOfferClient(ServiceLocations locations, ServiceClient remote) {
        this.locations = locations;
        this.remote = remote;
    }

    @Override
    public PriceListOffer offerOf(String priceListId) {
        RemoteAnswer answer = remote.get(PricingServiceClient.SERVICE, locations.priceListScopes(priceListId));
        if (answer.status() != 200) {
            throw remote.refusal(PricingServiceClient.SERVICE, answer);
        }
        return offer(priceListId, answer.body());
    }

    /** What an answer means (package-private for tests); anything malformed is unavailability, never a guess. */
    PriceListOffer offer(String priceListId, JsonNode body) {
        JsonNode version = body.path("priceListVersion");
        if (!version.isIntegralNumber() || version.asLong() < 1 || !body.path("scopes").isArray()) {
            throw remote.unavailable(PricingServiceClient.SERVICE, "answered price list scopes without a version or scopes", null);
        }
        List<PriceListOffer.Scope> scopes = new ArrayList<>();
        for (JsonNode s : body.path("scopes")) {
            if (!s.path("currency").isTextual() || !s.path("market").isTextual() || !s.path("channel").isTextual()) {
                throw remote.unavailable(PricingServiceClient.SERVICE, "answered a price list scope without currency, market or channel", null);
            }
            scopes.add(new PriceListOffer.Scope(s.path("currency").asText(), s.path("market").asText(), s.path("channel").asText()));
        }
        return new PriceListOffer(priceListId, version.asLong(), scopes);
    }
}
