package dev.cpq.quote.authority.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * A quote asked for in a currency, market or channel its price list has no prices in: it could never be
 * priced, so it is not opened. 422 {@code PRICE_LIST_SCOPE_NOT_OFFERED} naming the fields and what the
 * list does offer.
 */
public class PriceListScopeNotOfferedException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final PriceListOffer offer;
    private final List<String> fields;

    public PriceListScopeNotOfferedException(PriceListOffer offer, PriceListOffer.Scope wanted, List<String> fields) {
        super("Price list " + offer.priceListId() + " (version " + offer.priceListVersion() + ") has no prices in " + wanted.currency()
                + " for market " + wanted.market() + ", channel " + wanted.channel() + ".");
        this.offer = offer;
        this.fields = List.copyOf(fields);
    }

    @Override
    public Problem problem() {
        return Problem.of("PRICE_LIST_SCOPE_NOT_OFFERED", 422, "Not offered by the price list", getMessage())
                .with("violations", fields.stream().map(f -> Map.of("field", f, "message", "not offered in this combination by price list "
                        + offer.priceListId())).toList())
                .with("priceListId", offer.priceListId())
                .with("priceListVersion", offer.priceListVersion())
                .with("offeredScopes", offer.scopes())
                .with("remediation", "Open the quote in one of offeredScopes, or on a price list that prices this combination.");
    }
}
