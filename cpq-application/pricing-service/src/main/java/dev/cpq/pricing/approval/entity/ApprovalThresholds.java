package dev.cpq.pricing.approval.entity;

import dev.cpq.pricing.money.entity.DiscountPercent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The limits of one policy version as calculations read them (cached per version): which discounts need
 * whose approval. Version 0 is "no policy yet", under which every discount above 0 needs a SALES_MANAGER
 * (nothing is granted silently before an admin decided).
 */
public record ApprovalThresholds(long policyVersion, List<Limit> limits) {

    /** One role's limit. */
    public record Limit(ApproverRole role, BigDecimal maxDiscountPercent) {}

    public ApprovalThresholds {
        if (policyVersion < 0) {
            throw new IllegalArgumentException("policy versions start at 1 (0: none): " + policyVersion);
        }
        limits = List.copyOf(limits);
    }

    public static ApprovalThresholds none() {
        return new ApprovalThresholds(0, List.of());
    }

    public static ApprovalThresholds of(ApprovalPolicy policy) {
        return new ApprovalThresholds(policy.policyVersion(),
                policy.thresholds().stream().map(t -> new Limit(t.role(), t.maxDiscount().value())).toList());
    }

    /**
     * The signal for one line, if its discount needs approval. The caller's limit is the PARTNER limit
     * for partners when the policy has one, else the SALES_AGENT limit (0 when the policy has none).
     * Above it, a SALES_MANAGER is required for every caller (approvers are managers, API.md: an agent
     * named by a partner's signal could not decide it), approvable when the manager's limit covers it.
     * Advisory only: quote-service decides the requirement again at submit, for owner and submitter.
     */
    public Optional<ApprovalSignal> signalFor(int lineIndex, String offeringId, DiscountPercent discount, CallerClass caller) {
        if (policyVersion == 0) {
            return discount.isZero() ? Optional.empty()
                    : Optional.of(signal(lineIndex, offeringId, discount, DiscountPercent.ZERO, ApproverRole.SALES_MANAGER, true, null));
        }
        DiscountPercent callerLimit = (caller == CallerClass.PARTNER ? limitOf(ApproverRole.PARTNER) : Optional.<DiscountPercent>empty())
                .or(() -> limitOf(ApproverRole.SALES_AGENT))
                .orElse(DiscountPercent.ZERO);
        if (!discount.exceeds(callerLimit)) {
            return Optional.empty();
        }
        Optional<DiscountPercent> managerLimit = limitOf(ApproverRole.SALES_MANAGER);
        if (managerLimit.isPresent() && !discount.exceeds(managerLimit.get())) {
            return Optional.of(signal(lineIndex, offeringId, discount, callerLimit, ApproverRole.SALES_MANAGER, true, managerLimit.get()));
        }
        return Optional.of(signal(lineIndex, offeringId, discount, callerLimit, ApproverRole.SALES_MANAGER, false,
                limitOf(ApproverRole.SALES_MANAGER).orElse(null)));
    }

    private Optional<DiscountPercent> limitOf(ApproverRole role) {
        return limits.stream().filter(l -> l.role() == role).map(l -> new DiscountPercent(l.maxDiscountPercent())).findFirst();
    }

    private static ApprovalSignal signal(int lineIndex, String offeringId, DiscountPercent discount, DiscountPercent callerLimit,
            ApproverRole required, boolean approvable, DiscountPercent approverMax) {
        return new ApprovalSignal(lineIndex, offeringId, discount.value(), required, callerLimit.value(),
                ApprovalSignal.DISCOUNT_ABOVE_THRESHOLD, approvable, approverMax == null ? null : approverMax.value());
    }
}
