package dev.cpq.pricing.approval.entity;

import dev.cpq.pricing.money.entity.DiscountPercent;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.Objects;

/** The largest discount a role may grant without approval, in one policy version. Immutable. */
@Embeddable
public class ApprovalThreshold {

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false)
    private ApproverRole role;

    @Column(name = "max_discount_percent", nullable = false, updatable = false, precision = 5, scale = 2)
    private BigDecimal maxDiscountPercent;

    protected ApprovalThreshold() {
        // for JPA
    }

    private ApprovalThreshold(ApproverRole role, DiscountPercent maxDiscount) {
        this.role = Objects.requireNonNull(role, "role");
        this.maxDiscountPercent = maxDiscount.value();
    }

    public static ApprovalThreshold of(ApproverRole role, DiscountPercent maxDiscount) {
        return new ApprovalThreshold(role, maxDiscount);
    }

    public ApproverRole role() {
        return role;
    }

    public DiscountPercent maxDiscount() {
        return new DiscountPercent(maxDiscountPercent);
    }
}
