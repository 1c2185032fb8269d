package dev.cpq.pricing.calculation.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import java.util.List;

/** The active price list version has no price for an offering of the request in its currency, market and channel. */
public class PriceNotFoundException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final int lineIndex;
    private final String offeringId;
    private final String currency;
    private final String market;
    private final String channel;
    private final String priceListId;
    private final long priceListVersion;
    private final List<String> unpricedOfferings;

    public PriceNotFoundException(PriceListId priceListId, long priceListVersion, PriceScope scope, int lineIndex, String offeringId,
            List<String> unpricedOfferings) {
        super("Price list " + priceListId + " version " + priceListVersion + " has no price for offering " + offeringId + " in "
                + scope.currencyCode() + ", market " + scope.market() + ", channel " + scope.channel() + ".");
        this.lineIndex = lineIndex;
        this.offeringId = offeringId;
        this.currency = scope.currencyCode();
        this.market = scope.market();
        this.channel = scope.channel();
        this.priceListId = priceListId.value();
        this.priceListVersion = priceListVersion;
        this.unpricedOfferings = List.copyOf(unpricedOfferings);
    }

    @Override
    public Problem problem() {
        return Problem.of("PRICE_NOT_FOUND", 422, "No price", getMessage())
                .with("lineIndex", lineIndex)
                .with("offeringId", offeringId)
                .with("currency", currency)
                .with("market", market)
                .with("channel", channel)
                .with("priceListId", priceListId)
                .with("priceListVersion", priceListVersion)
                .with("unpricedOfferings", unpricedOfferings);
    }
}
