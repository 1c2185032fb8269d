package dev.cpq.quote.submission.entity;

import dev.cpq.quote.core.entity.Quote;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What a submit or an accept was validated on (catalog, price list and approval policy versions, as
 * the owners' databases confirmed them at {@code confirmedAt}), written with the decision it commits.
 * Immutable; {@code recordedAt} is set by the database at insert, the command's last statement.
 */
@Entity
@Table(name = "quote_commitment_evidence")
public class CommitmentEvidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "quote_id", nullable = false, updatable = false)
    private String quoteId;

    @Column(name = "revision_id", nullable = false, updatable = false)
    private String revisionId;

    @Column(name = "price_result_id", nullable = false, updatable = false)
    private String priceResultId;

    @Column(name = "approval_round", nullable = false, updatable = false)
    private int approvalRound;

    @Column(name = "command", nullable = false, updatable = false)
    private String command;

    @Column(name = "outcome", nullable = false, updatable = false)
    private String outcome;

    @Column(name = "catalog_version", nullable = false, updatable = false)
    private long catalogVersion;

    @Column(name = "price_list_id", nullable = false, updatable = false)
    private String priceListId;

    @Column(name = "price_list_version", nullable = false, updatable = false)
    private long priceListVersion;

    @Column(name = "policy_version", nullable = false, updatable = false)
    private long policyVersion;

    @Column(name = "confirmed_at", nullable = false, updatable = false)
    private Instant confirmedAt;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    private Instant recordedAt;

    protected CommitmentEvidence() {
        // for JPA
    }

    /** The evidence of {@code command} that just moved {@code quote} to its current state. */
    public static CommitmentEvidence of(Quote quote, String command, long catalogVersion, long priceListVersion, long policyVersion,
            Instant confirmedAt) {
        CommitmentEvidence e = new CommitmentEvidence();
        e.tenantId = quote.tenantId();
        e.quoteId = quote.id().toString();
        e.revisionId = quote.revisionId().toString();
        e.priceResultId = quote.priceResultId().orElseThrow().toString();
        e.approvalRound = quote.approvalRound();
        e.command = command;
        e.outcome = quote.status().name();
        e.catalogVersion = catalogVersion;
        e.priceListId = quote.priceListId();
        e.priceListVersion = priceListVersion;
        e.policyVersion = policyVersion;
        e.confirmedAt = confirmedAt;
        return e;
    }

    public long id() {
        return id;
    }

    public String quoteId() {
        return quoteId;
    }

    public String command() {
        return command;
    }

    public String outcome() {
        return outcome;
    }

    public long catalogVersion() {
        return catalogVersion;
    }

    public String priceListId() {
        return priceListId;
    }

    public long priceListVersion() {
        return priceListVersion;
    }

    public long policyVersion() {
        return policyVersion;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
