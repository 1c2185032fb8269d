package dev.cpq.pricing.approval.entity;

import dev.cpq.pricing.money.entity.DiscountPercent;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the tenant's discount approval policy. Versions are appended, never changed: the
 * newest is current, and its version number is the policy's ETag. Approvals given under a version stay
 * explainable by that version.
 */
@Entity
@Table(name = "approval_policy")
public class ApprovalPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "policy_version", nullable = false, updatable = false)
    private long policyVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "approval_threshold", joinColumns = @JoinColumn(name = "policy_id"))
    private List<ApprovalThreshold> thresholds = new ArrayList<>();

    protected ApprovalPolicy() {
        // for JPA
    }

    private ApprovalPolicy(String tenantId, long policyVersion, List<ApprovalThreshold> thresholds, String createdBy, Instant now) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.policyVersion = policyVersion;
        this.thresholds = new ArrayList<>(thresholds);
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /**
     * The version that follows {@code current} (0: the tenant has no policy yet).
     *
     * @throws IllegalArgumentException when the thresholds do not make a policy
     */
    public static ApprovalPolicy following(long current, String tenantId, List<ApprovalThreshold> thresholds, String createdBy,
            Instant now) {
        if (current < 0) {
            throw new IllegalArgumentException("policy versions start at 1: " + current);
        }
        requireValid(thresholds);
        return new ApprovalPolicy(tenantId, Math.addExact(current, 1), thresholds, createdBy, now);
    }

    /** @throws IllegalArgumentException when the thresholds do not make a policy */
    public static void requireValid(List<ApprovalThreshold> thresholds) {
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("a policy names at least one role's discount limit");
        }
        Set<ApproverRole> seen = EnumSet.noneOf(ApproverRole.class);
        for (ApprovalThreshold t : thresholds) {
            if (!seen.add(t.role())) {
                throw new IllegalArgumentException("the role " + t.role() + " is listed twice");
            }
        }
        Optional<DiscountPercent> agent = maxOf(thresholds, ApproverRole.SALES_AGENT);
        Optional<DiscountPercent> manager = maxOf(thresholds, ApproverRole.SALES_MANAGER);
        // managers approve what agents may not grant: a manager limit below the agent's approves nothing
        if (agent.isPresent() && manager.isPresent() && agent.get().exceeds(manager.get())) {
            throw new IllegalArgumentException("the SALES_MANAGER limit (" + manager.get() + ") is below the SALES_AGENT limit ("
                    + agent.get() + ")");
        }
    }

    private static Optional<DiscountPercent> maxOf(List<ApprovalThreshold> thresholds, ApproverRole role) {
        return thresholds.stream().filter(t -> t.role() == role).map(ApprovalThreshold::maxDiscount).findFirst();
    }

    public long policyVersion() {
        return policyVersion;
    }

    public String tenantId() {
        return tenantId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    /** The thresholds in role order. */
    public List<ApprovalThreshold> thresholds() {
        return thresholds.stream().sorted(Comparator.comparing(ApprovalThreshold::role)).toList();
    }
}
