package dev.cpq.quote.submission.entity;

import java.time.Instant;
import java.util.List;

/** The commitment evidence of the current tenant's quotes. */
public interface CommitmentEvidences {

    /** Writes it now (the command's last statement, under the row lock). */
    void record(CommitmentEvidence evidence);

    /**
     * Evidence recorded since {@code since} that no reconciliation has found superseded yet, oldest first,
     * from the one after {@code afterId} (a page: evidence never superseded stays unreconciled, so a
     * reconciliation pages through the whole window rather than re-reading its first rows).
     */
    List<CommitmentEvidence> unreconciledSince(Instant since, long afterId, int limit);

    /**
     * Every tenant with evidence recorded since {@code since} that no reconciliation has found superseded yet
     * (the one question asked across tenants: the schedule then reconciles each as that tenant).
     */
    List<String> tenantsWithUnreconciledSince(Instant since);

    /** Records a finding; false when it was already recorded. */
    boolean recordSuperseded(SupersededDecision finding);

    /** The findings, newest first. */
    List<SupersededDecision> superseded(int limit);
}
