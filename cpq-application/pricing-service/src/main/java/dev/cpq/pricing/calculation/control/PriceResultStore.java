package dev.cpq.pricing.calculation.control;

import dev.cpq.pricing.calculation.entity.PriceResults;
import dev.cpq.pricing.calculation.entity.PricedCalculation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Content addressing in the database: the newest result of an input that is still valid for at least
 * {@link PricedCalculation#REUSE_MARGIN} is reused; otherwise a new one is priced and stored.
 * <p>
 * Pricing (reads of published data) happens outside any transaction; only the store is one
 * ({@link PriceResultWriting}): a transaction-scoped advisory lock per (tenant, input hash) serializes
 * stores of the same input across instances, and the second finds the first's committed row and reuses
 * it, so identical concurrent calculations converge on one row. A unique index cannot express "one
 * reusable result" (reusability depends on now), hence the lock. The row is committed before the caller
 * puts it in Redis: no cached result id ever points at a row that was rolled back.
 */
@ApplicationScoped
public class PriceResultStore {

    /** The result and whether this call stored it (false: an existing one was reused). */
    public record Stored(PricedCalculation result, boolean created) {}

    private PriceResults results;
    private PriceResultWriting writing;

    protected PriceResultStore() {}

    @Inject
    public PriceResultStore(PriceResults results, PriceResultWriting writing) {
        this.results = results;
        this.writing = writing;
    }

    public Stored findOrPrice(String inputHash, Instant now, Supplier<PricedCalculation> pricing) {
        Instant validBeyond = now.plus(PricedCalculation.REUSE_MARGIN);
        Optional<PricedCalculation> reusable = results.newestValidBeyond(inputHash, validBeyond);
        if (reusable.isPresent()) {
            return new Stored(reusable.get(), false);
        }
        return writing.storeUnlessReusable(inputHash, validBeyond, pricing.get());
    }
}
