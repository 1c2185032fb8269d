package dev.cpq.pricing.calculation.control;

import dev.cpq.pricing.calculation.entity.PriceResultNotFoundException;
import dev.cpq.pricing.calculation.entity.PriceResults;
import dev.cpq.pricing.calculation.entity.PricedCalculation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Pattern;

/** Stored price results, read from PostgreSQL (never Redis): quotes check what they were priced with. */
@ApplicationScoped
public class PriceResultQueries {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PriceResults results;

    protected PriceResultQueries() {}

    @Inject
    public PriceResultQueries(PriceResults results) {
        this.results = results;
    }

    /** Unknown, another tenant's and malformed ids all answer 404 alike. */
    public PricedCalculation byId(String priceResultId) {
        if (priceResultId == null || !UUID_SHAPE.matcher(priceResultId).matches()) {
            throw new PriceResultNotFoundException(priceResultId);
        }
        return results.byId(UUID.fromString(priceResultId)).orElseThrow(() -> new PriceResultNotFoundException(priceResultId));
    }
}
