package dev.cpq.quote.submission.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Commitment evidence in a list, and pointers a test moves, for control tests. */
public final class InMemoryEvidence implements CommitmentEvidences {

    public final List<CommitmentEvidence> rows = new ArrayList<>();
    public final List<SupersededDecision> findings = new ArrayList<>();

    @Override
    public void record(CommitmentEvidence evidence) {
        rows.add(evidence);
    }

    @Override
    public List<CommitmentEvidence> unreconciledSince(Instant since, long afterId, int limit) {
        return rows.stream().filter(e -> e.id() > afterId).filter(e -> findings.stream().noneMatch(f -> f.evidenceId() == e.id()))
                .limit(limit).toList();
    }

    @Override
    public List<String> tenantsWithUnreconciledSince(Instant since) {
        return rows.isEmpty() ? List.of() : List.of("t1");
    }

    @Override
    public boolean recordSuperseded(SupersededDecision finding) {
        if (findings.stream().anyMatch(f -> f.evidenceId() == finding.evidenceId())) {
            return false;
        }
        return findings.add(finding);
    }

    @Override
    public List<SupersededDecision> superseded(int limit) {
        return findings.stream().limit(limit).toList();
    }

    /** Pointers as a test sets them (UNKNOWN until then, as after a Redis restart). */
    public static final class Pointers implements PublishedVersionPointers {

        public volatile PublishedVersionPointers.Pointers now = PublishedVersionPointers.Pointers.UNKNOWN;

        @Override
        public PublishedVersionPointers.Pointers now(String priceListId) {
            return now;
        }
    }
}
