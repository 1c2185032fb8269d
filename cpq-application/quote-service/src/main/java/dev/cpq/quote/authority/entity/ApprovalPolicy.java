package dev.cpq.quote.authority.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The approval policy as pricing-service publishes it. Used to recompute a quote's approval signals at
 * submit when the policy changed since the quote was priced: a discount above the SALES_AGENT limit needs
 * a SALES_MANAGER; above the SALES_MANAGER limit (or without one) it is not approvable. Version 0 (no
 * policy yet): every discount above 0 needs a SALES_MANAGER, as pricing decides.
 */
public record ApprovalPolicy(long policyVersion, List<Threshold> thresholds) {

    public static final String SALES_AGENT = "SALES_AGENT";
    public static final String SALES_MANAGER = "SALES_MANAGER";

    public record Threshold(String role, BigDecimal maxDiscountPercent) {}

    public ApprovalPolicy {
        if (policyVersion < 0) {
            throw new IllegalArgumentException("policy versions are never negative: " + policyVersion);
        }
        thresholds = List.copyOf(thresholds);
    }

    public Optional<ApprovalSignal> signalFor(int lineIndex, String offeringId, BigDecimal discount) {
        if (policyVersion == 0) {
            return discount.signum() == 0 ? Optional.empty()
                    : Optional.of(new ApprovalSignal(lineIndex, offeringId, discount, SALES_MANAGER, BigDecimal.ZERO,
                            ApprovalSignal.DISCOUNT_ABOVE_THRESHOLD, true, null));
        }
        BigDecimal agentLimit = limitOf(SALES_AGENT).orElse(BigDecimal.ZERO);
        if (discount.compareTo(agentLimit) <= 0) {
            return Optional.empty();
        }
        Optional<BigDecimal> managerLimit = limitOf(SALES_MANAGER);
        boolean approvable = managerLimit.isPresent() && discount.compareTo(managerLimit.get()) <= 0;
        return Optional.of(new ApprovalSignal(lineIndex, offeringId, discount, SALES_MANAGER, agentLimit, ApprovalSignal.DISCOUNT_ABOVE_THRESHOLD,
                approvable, managerLimit.orElse(null)));
    }

    public Optional<BigDecimal> limitOf(String role) {
        return thresholds.stream().filter(t -> t.role().equals(role)).map(Threshold::maxDiscountPercent).findFirst();
    }
}
