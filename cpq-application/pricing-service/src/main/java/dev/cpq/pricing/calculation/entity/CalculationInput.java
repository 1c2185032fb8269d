package dev.cpq.pricing.calculation.entity;

import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a seller asks to have priced: against which catalog version the lines were configured, in which
 * currency, market and channel, and (optionally) which price list; absent, the tenant's only list.
 */
public record CalculationInput(Optional<PriceListId> priceListId, long catalogVersion, PriceScope scope, List<CalculationLine> lines) {

    public static final int MAX_LINES = 100;

    public CalculationInput {
        Objects.requireNonNull(priceListId, "priceListId");
        if (catalogVersion < 1) {
            throw new IllegalArgumentException("catalog versions start at 1: " + catalogVersion);
        }
        Objects.requireNonNull(scope, "scope");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a calculation has 1 to " + MAX_LINES + " lines");
        }
    }
}
