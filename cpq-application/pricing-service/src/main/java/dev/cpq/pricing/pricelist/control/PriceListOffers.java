package dev.cpq.pricing.pricelist.control;

import dev.cpq.pricing.pricelist.entity.PriceEntries;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What a price list offers: the currency/market/channel combinations its active version prices, from
 * PostgreSQL. Quote-service asks it when a quote is opened, so a quote is only made where it can be priced.
 */
@ApplicationScoped
public class PriceListOffers {

    /** The active version and the scopes it has prices in. */
    public record Offer(PriceList active, List<PriceScope> scopes) {}

    private PriceListQueries queries;
    private PriceEntries entries;

    protected PriceListOffers() {}

    @Inject
    public PriceListOffers(PriceListQueries queries, PriceEntries entries) {
        this.queries = queries;
        this.entries = entries;
    }

    /** 404 PRICE_LIST_NOT_FOUND for an unknown list, 409 PRICE_LIST_NOT_PUBLISHED for one with drafts only. */
    public Offer offer(PriceListId id) {
        PriceList active = queries.active(id);
        return new Offer(active, entries.scopesOf(active));
    }
}
