package dev.cpq.pricing.calculation.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stored price results of the current tenant: appended, read, never changed. */
public interface PriceResults {

    /**
     * Serializes calculations of one input (held to the end of the transaction), so instances racing
     * on the same input converge on one stored result instead of each storing their own.
     */
    void lockInput(String inputHash);

    /** The newest result of this input that is still valid after {@code validBeyond}. */
    Optional<PricedCalculation> newestValidBeyond(String inputHash, Instant validBeyond);

    Optional<PricedCalculation> byId(UUID priceResultId);

    void add(PricedCalculation result);
}
