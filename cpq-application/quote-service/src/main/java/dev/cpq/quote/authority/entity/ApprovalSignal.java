package dev.cpq.quote.authority.entity;

import java.math.BigDecimal;

/**
 * A line whose discount needs approval: by {@code requiredRole}; {@code approvable=false} when no role's
 * limit covers it. {@code approverMaxPercent} is the required role's limit (null when the policy sets none).
 */
public record ApprovalSignal(int lineIndex, String offeringId, BigDecimal discountPercent, String requiredRole, BigDecimal thresholdPercent,
        String reason, boolean approvable, BigDecimal approverMaxPercent) {

    public static final String DISCOUNT_ABOVE_THRESHOLD = "DISCOUNT_ABOVE_THRESHOLD";
}
