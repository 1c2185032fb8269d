package dev.cpq.quote.approval.entity;

import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.RevisionId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence of an approval decision: bound to the revision and price result it was made on, the
 * requirement it answers and the authority it was made with (role, the largest discount that role may
 * grant under the policy version). Immutable once written (the database refuses updates); one per
 * requirement. A submit that needs no approval writes an automatic one, so acceptance always finds
 * evidence.
 */
@Entity
@Table(name = "quote_approval_decision")
public class ApprovalDecision {

    public enum Requirement { DISCOUNT_APPROVAL, NO_APPROVAL_REQUIRED }

    public enum Decision { APPROVED, REJECTED }

    @Id
    // blocks of 50 from the identity sequence (V4): no round trip per insert for the generated key
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quote_approval_decision_ids")
    @SequenceGenerator(name = "quote_approval_decision_ids", sequenceName = "quote_approval_decision_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "quote_id", nullable = false, updatable = false)
    private String quoteId;

    @Column(name = "revision_id", nullable = false, updatable = false)
    private String revisionId;

    @Column(name = "price_result_id", nullable = false, updatable = false)
    private String priceResultId;

    @Enumerated(EnumType.STRING)
    @Column(name = "requirement", nullable = false, updatable = false)
    private Requirement requirement;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision", nullable = false, updatable = false)
    private Decision decision;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "automatic", nullable = false, updatable = false)
    private boolean automatic;

    @Column(name = "authority_role", nullable = false, updatable = false)
    private String authorityRole;

    @Column(name = "authority_max_discount", updatable = false)
    private BigDecimal authorityMaxDiscount;

    @Column(name = "policy_version", nullable = false, updatable = false)
    private long policyVersion;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    /** The submission this decision answers: a re-priced quote submitted again is decided again. */
    @Column(name = "approval_round", nullable = false, updatable = false)
    private int approvalRound;

    protected ApprovalDecision() {
        // for JPA
    }

    private ApprovalDecision(Quote quote, Requirement requirement, Decision decision, String reason, String decidedBy, boolean automatic,
            String authorityRole, BigDecimal authorityMaxDiscount, Instant now) {
        this.tenantId = quote.tenantId();
        this.quoteId = quote.id().toString();
        this.revisionId = quote.revisionId().toString();
        this.priceResultId = quote.priceResultId().orElseThrow(() -> new IllegalStateException("decisions are on priced quotes")).toString();
        this.requirement = requirement;
        this.decision = decision;
        this.reason = reason;
        this.decidedBy = Objects.requireNonNull(decidedBy, "decidedBy");
        this.automatic = automatic;
        this.authorityRole = Objects.requireNonNull(authorityRole, "authorityRole");
        this.authorityMaxDiscount = authorityMaxDiscount;
        this.policyVersion = quote.policyVersion().orElseThrow();
        this.decidedAt = now;
        this.approvalRound = quote.approvalRound();
        if (approvalRound < 1) {
            throw new IllegalStateException("decisions answer a submission");
        }
    }

    /**
     * The submitted quote's current revision needs no approval under its policy version: no discount is
     * above {@code sellerLimit}, the lowest limit of the owner's and the submitter's roles.
     */
    public static ApprovalDecision automatic(Quote submitted, String submitter, String sellerRole, BigDecimal sellerLimit, Instant now) {
        return new ApprovalDecision(submitted, Requirement.NO_APPROVAL_REQUIRED, Decision.APPROVED,
                "no discount above the lowest limit of the owner and the submitter", submitter, true, sellerRole, sellerLimit, now);
    }

    /**
     * An approver's decision on the current revision and price result (the quote checked both). The
     * authority is the approver's role and its limit as the signals of the policy version name it.
     */
    public static ApprovalDecision byApprover(Quote decided, Decision decision, String reason, String approver, String approverRole,
            Instant now) {
        // the approver's own limit, as the signals that require that role name it (null when none does)
        BigDecimal limit = decided.approvalSignals().stream().filter(s -> approverRole.equals(s.requiredRole()))
                .map(ApprovalSignal::approverMaxPercent).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        return new ApprovalDecision(decided, Requirement.DISCOUNT_APPROVAL, decision, reason, approver, false, approverRole, limit, now);
    }

    public QuoteId quoteId() {
        return new QuoteId(UUID.fromString(quoteId));
    }

    public RevisionId revisionId() {
        return new RevisionId(UUID.fromString(revisionId));
    }

    public UUID priceResultId() {
        return UUID.fromString(priceResultId);
    }

    public Requirement requirement() {
        return requirement;
    }

    public Decision decision() {
        return decision;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public String decidedBy() {
        return decidedBy;
    }

    public boolean automatic() {
        return automatic;
    }

    public String authorityRole() {
        return authorityRole;
    }

    public Optional<BigDecimal> authorityMaxDiscount() {
        return Optional.ofNullable(authorityMaxDiscount);
    }

    public long policyVersion() {
        return policyVersion;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public int approvalRound() {
        return approvalRound;
    }
}
