package dev.cpq.quote.authority.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The approval policy as pricing-service publishes it, read at every submit and accept: the requirement
 * is decided from it ({@link dev.cpq.quote.core.entity.ApprovalRequirement}), never from the signals
 * recorded at pricing. Version 0 (no policy yet): every discount above 0 needs a SALES_MANAGER.
 */
public record ApprovalPolicy(long policyVersion, List<Threshold> thresholds) {

    public static final String PARTNER = "PARTNER";
    public static final String SALES_AGENT = "SALES_AGENT";
    public static final String SALES_MANAGER = "SALES_MANAGER";

    public record Threshold(String role, BigDecimal maxDiscountPercent) {}

    public ApprovalPolicy {
        if (policyVersion < 0) {
            throw new IllegalArgumentException("policy versions are never negative: " + policyVersion);
        }
        thresholds = List.copyOf(thresholds);
    }

    public Optional<BigDecimal> limitOf(String role) {
        return thresholds.stream().filter(t -> t.role().equals(role)).map(Threshold::maxDiscountPercent).findFirst();
    }
}
