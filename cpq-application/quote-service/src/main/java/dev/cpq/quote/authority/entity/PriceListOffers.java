package dev.cpq.quote.authority.entity;

/** What a quote asks pricing-service before it is opened: where its price list can price. */
public interface PriceListOffers {

    /**
     * The active version's scopes, from pricing's database; a refusal (PRICE_LIST_NOT_FOUND as 422,
     * PRICE_LIST_NOT_PUBLISHED as 409) as {@link RemoteProblemException}, no answer as
     * {@link RemoteServiceUnavailableException}.
     */
    PriceListOffer offerOf(String priceListId);
}
