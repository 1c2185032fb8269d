package dev.cpq.pricing.calculation.control;

import dev.cpq.pricing.calculation.entity.PriceResults;
import dev.cpq.pricing.calculation.entity.PricedCalculation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores a priced result unless an equal input got a reusable one meanwhile, in a transaction of its own
 * that uses one connection only (plain JDBC): holding a transaction's connection while loading price
 * data through JPA took a second one, and concurrent calculations exhausted the pool that way.
 */
@ApplicationScoped
public class PriceResultWriting {

    private PriceResults results;

    protected PriceResultWriting() {}

    @Inject
    public PriceResultWriting(PriceResults results) {
        this.results = results;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PriceResultStore.Stored storeUnlessReusable(String inputHash, Instant validBeyond, PricedCalculation priced) {
        results.lockInput(inputHash);
        Optional<PricedCalculation> reusable = results.newestValidBeyond(inputHash, validBeyond);
        if (reusable.isPresent()) {
            return new PriceResultStore.Stored(reusable.get(), false);
        }
        results.add(priced);
        return new PriceResultStore.Stored(priced, true);
    }
}
