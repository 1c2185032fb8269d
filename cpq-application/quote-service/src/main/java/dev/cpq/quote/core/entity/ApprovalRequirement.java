package dev.cpq.quote.core.entity;

import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.core.entity.QuoteLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which lines of a quote need an approver, decided at submit (and again at accept) from the policy
 * version in force, every line's discount and the LOWEST own limit among the sellers involved (the
 * quote's owner and whoever submits or accepts): a partner's quote is never judged by an agent's limit,
 * whoever submits it. Signals recorded at pricing belong to whoever priced and are never trusted here.
 * A discount above that limit needs a SALES_MANAGER (API.md: approvers are managers) whose limit
 * covers it; without such a limit it is not approvable.
 */
public record ApprovalRequirement(long policyVersion, BigDecimal sellerLimit, List<ApprovalSignal> signals) {

    public ApprovalRequirement {
        signals = List.copyOf(signals);
    }

    public static ApprovalRequirement of(ApprovalPolicy policy, List<QuoteLine> lines, Set<SellerClass> sellers) {
        if (sellers.isEmpty()) {
            throw new IllegalArgumentException("a requirement is decided for at least one seller");
        }
        BigDecimal limit = sellers.stream().map(s -> limitOf(policy, s)).min(BigDecimal::compareTo).orElseThrow();
        Optional<BigDecimal> managerLimit = policy.policyVersion() == 0 ? Optional.empty() : policy.limitOf(ApprovalPolicy.SALES_MANAGER);
        List<ApprovalSignal> signals = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine line = lines.get(i);
            BigDecimal discount = line.discountPercent();
            if (discount.compareTo(limit) <= 0) {
                continue;
            }
            // version 0 (no policy yet): every discount needs a manager, who may grant it (pricing decides so too)
            boolean approvable = policy.policyVersion() == 0 || managerLimit.map(m -> discount.compareTo(m) <= 0).orElse(false);
            signals.add(new ApprovalSignal(i, line.offeringId(), discount, ApprovalPolicy.SALES_MANAGER, limit,
                    ApprovalSignal.DISCOUNT_ABOVE_THRESHOLD, approvable, managerLimit.orElse(null)));
        }
        return new ApprovalRequirement(policy.policyVersion(), limit, signals);
    }

    /** A seller's own limit under the policy: 0 while there is no policy; a partner without a PARTNER limit has the agent's. */
    static BigDecimal limitOf(ApprovalPolicy policy, SellerClass seller) {
        if (policy.policyVersion() == 0) {
            return BigDecimal.ZERO;
        }
        Optional<BigDecimal> own = seller == SellerClass.PARTNER ? policy.limitOf(ApprovalPolicy.PARTNER) : Optional.empty();
        return own.or(() -> policy.limitOf(ApprovalPolicy.SALES_AGENT)).orElse(BigDecimal.ZERO);
    }

    public boolean needsApprover() {
        return !signals.isEmpty();
    }

    /** Whether an approver with {@code approverLimit} (null: none set) covers every line that needs one. */
    public boolean coveredBy(BigDecimal approverLimit) {
        return signals.stream().allMatch(s -> approverLimit != null && s.discountPercent().compareTo(approverLimit) <= 0);
    }
}
