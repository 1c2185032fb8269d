package dev.cpq.pricing.approval.entity;

import java.math.BigDecimal;

/**
 * A priced line whose discount is above what the caller's role may grant. {@code requiredRole} is the
 * lowest role whose limit covers the discount; when no role's does, {@code approvable} is false and
 * {@code requiredRole} is SALES_MANAGER (the top of the ladder), whose limit is then exceeded too.
 *
 * @param thresholdPercent   the caller's limit that the discount exceeds
 * @param approverMaxPercent the limit of {@code requiredRole} (absent when the policy gives it none)
 */
public record ApprovalSignal(int lineIndex, String offeringId, BigDecimal discountPercent, ApproverRole requiredRole,
        BigDecimal thresholdPercent, String reason, boolean approvable, BigDecimal approverMaxPercent) {

    public static final String DISCOUNT_ABOVE_THRESHOLD = "DISCOUNT_ABOVE_THRESHOLD";
}
