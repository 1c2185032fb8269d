package dev.cpq.quote.submission.control;

import static dev.cpq.quote.core.entity.QuoteFixtures.NOW;
import static dev.cpq.quote.core.entity.QuoteFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.command.control.CommandExecution;
import dev.cpq.platform.command.control.Revalidation;
import dev.cpq.platform.command.entity.DependencyMovedException;
import dev.cpq.platform.command.entity.TransientDependencyFailure;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.TenantId;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.platform.command.control.OutsideTransaction;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.core.control.QuoteReadAhead;
import dev.cpq.quote.core.entity.InMemoryQuotes;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteFixtures;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteStaleException;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.RevisionId;
import dev.cpq.quote.submission.entity.CommitmentEvidence;
import dev.cpq.quote.submission.entity.InMemoryEvidence;
import dev.cpq.quote.submission.entity.PublicationHistory;
import dev.cpq.quote.submission.entity.PublishedVersionPointers;
import dev.cpq.quote.submission.entity.SupersededDecision;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 2: a publication committing between a submit's validation and its row lock, and one
 * committing between the lock's re-check and the commit. The first sends the command back to validate
 * against the owners (and it is refused as stale); the second commits, and its evidence is what the
 * reconciler finds. A real second thread publishes, released by latches at the fault points.
 */
class PublicationDuringCommandTest {

    private final FakeAuthorities.Catalog catalog = new FakeAuthorities.Catalog();
    private final FakeAuthorities.Pricing pricing = new FakeAuthorities.Pricing();
    private final InMemoryQuotes quotes = new InMemoryQuotes();
    private final InMemoryEvidence evidence = new InMemoryEvidence();
    private final InMemoryEvidence.Pointers pointers = new InMemoryEvidence.Pointers();
    private final List<ApprovalDecision> decisions = new ArrayList<>();
    /** Runs a command as the pipeline does once its key is claimed (validation, change, audit row: not under test). */
    private final CommandExecution execution = new CommandExecution(new OutsideTransaction(), new AuditTrail() {
        @Override
        public void succeeded(AuditedChange change) {
            // not under test
        }
    });

    private QuoteSubmitting submitting() {
        return submitting(pointers);
    }

    private QuoteSubmitting submitting(PublishedVersionPointers underLock) {
        ApprovalDecisions rows = new ApprovalDecisions() {
            @Override
            public void add(ApprovalDecision decision) {
                decisions.add(decision);
            }

            @Override
            public List<ApprovalDecision> on(QuoteId quote, RevisionId revision, UUID priceResultId, int round) {
                return decisions;
            }

            @Override
            public List<ApprovalDecision> of(QuoteId quote) {
                return decisions;
            }
        };
        TenantContext tenant = new TenantContext() {
            @Override
            public Caller caller() {
                return new Caller("agent-1", new TenantId("t1"), Set.of("SALES_AGENT"));
            }
        };
        QuoteSubmitValidator validator = new QuoteSubmitValidator(new ConfigurationFreshnessChecker(catalog), new QuotePricingFreshnessChecker(pricing),
                new StaleRejections(new SimpleMeterRegistry()));
        return new QuoteSubmitting(quotes, new QuoteReadAhead(quotes, tenant), rows, validator, underLock, evidence, tenant);
    }

    private Quote priced() {
        pricing.policy(1, "10", "25");
        Quote q = QuoteFixtures.configured(line("fiber", "0"));
        q.recordPrice(q.revisionId(), QuoteFixtures.price(7, List.<ApprovalSignal>of()), NOW);
        quotes.put(q);
        pointers.now = new PublishedVersionPointers.Pointers(OptionalLong.of(7), OptionalLong.of(3), OptionalLong.of(1));
        return q;
    }

    /** Another thread publishes price list version 4: pricing's database first, then (its event consumed) the pointer. */
    private Thread publisher(CountDownLatch go, CountDownLatch published) {
        Thread t = new Thread(() -> {
            try {
                if (go.await(10, TimeUnit.SECONDS)) {
                    pricing.activeVersion = 4;
                    pricing.newerPublishedAt = Instant.now();
                    pointers.now = new PublishedVersionPointers.Pointers(OptionalLong.of(7), OptionalLong.of(4), OptionalLong.of(1));
                    published.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "publisher");
        t.start();
        return t;
    }

    @Test
    void aPublicationBetweenPreparationAndLockSendsTheSubmitBackToValidateWhereItIsRefusedAsStale() throws Exception {
        Quote q = priced();
        var command = submitting().command(q.id(), new ExpectedVersion(q.rowVersion()));
        var prepared = command.readAhead().get();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch published = new CountDownLatch(1);
        Thread publisher = publisher(go, published);
        // the fault point: after the owners answered, before the row lock
        go.countDown();
        assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();
        publisher.join();

        assertThatThrownBy(() -> execution.run(command, prepared)).isInstanceOfSatisfying(DependencyMovedException.class,
                e -> assertThat(e.dependency()).isEqualTo("pricing"));
        assertThat(q.status()).isEqualTo(QuoteStatus.PRICED);
        assertThat(decisions).isEmpty();
        assertThat(evidence.rows).isEmpty();
        // sent back: a fresh preparation validates against pricing's database and refuses
        assertThatThrownBy(() -> execution.run(command)).satisfies(e -> assertThat(((QuoteStaleException) e).code()).isEqualTo("QUOTE_PRICING_STALE"));
        assertThat(q.status()).isEqualTo(QuoteStatus.PRICED);
    }

    /**
     * Issue 14: the pipeline's retry loop. Under the lock the catalog pointer names a newer version on every
     * attempt: three attempts from a fresh read-ahead, then 503 naming catalog (it used to say pricing).
     */
    @Test
    void aCatalogThatKeepsMovingUnderTheLockEndsIn503NamingCatalogAfterThreeAttempts() {
        Quote q = priced();
        AtomicInteger lockedReads = new AtomicInteger();
        QuoteSubmitting submitting = submitting(priceListId -> new PublishedVersionPointers.Pointers(OptionalLong.of(7 + lockedReads.incrementAndGet()),
                OptionalLong.of(3), OptionalLong.of(1)));
        Revalidation revalidation = new Revalidation(new SimpleMeterRegistry());

        assertThatThrownBy(() -> revalidation.run(QuoteSubmitting.SUBMIT,
                () -> execution.run(submitting.command(q.id(), new ExpectedVersion(q.rowVersion())))))
                .isInstanceOfSatisfying(TransientDependencyFailure.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(503);
                    assertThat(e.problem().getCode()).isEqualTo("CATALOG_UNAVAILABLE");
                });
        assertThat(lockedReads).hasValue(Revalidation.ATTEMPTS);
        assertThat(q.status()).isEqualTo(QuoteStatus.PRICED);
        assertThat(decisions).isEmpty();
        assertThat(evidence.rows).isEmpty();
    }

    /** Issue 14: a price list published once between validation and lock: the second attempt validates again and commits, once. */
    @Test
    void versionsThatMovedOnceCommitOnTheSecondAttemptWithOneDecision() {
        Quote q = priced();
        AtomicInteger lockedReads = new AtomicInteger();
        QuoteSubmitting submitting = submitting(priceListId -> lockedReads.incrementAndGet() == 1
                ? new PublishedVersionPointers.Pointers(OptionalLong.of(7), OptionalLong.of(4), OptionalLong.of(1))
                : pointers.now(priceListId));
        Revalidation revalidation = new Revalidation(new SimpleMeterRegistry());

        Quote submitted = revalidation.run(QuoteSubmitting.SUBMIT, () -> execution.run(submitting.command(q.id(), new ExpectedVersion(q.rowVersion()))));

        assertThat(lockedReads).hasValue(2);
        assertThat(submitted.status()).isEqualTo(QuoteStatus.APPROVED);
        assertThat(decisions).singleElement().satisfies(d -> assertThat(d.automatic()).isTrue());
        assertThat(evidence.rows).hasSize(1);
    }

    @Test
    void aPublicationBetweenTheReCheckAndTheCommitIsFoundByTheReconciler() throws Exception {
        Quote q = priced();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch published = new CountDownLatch(1);
        Thread publisher = publisher(go, published);
        // the fault point: the pointers are read under the lock, then the publication commits before the command does
        PublishedVersionPointers readThenPublish = new PublishedVersionPointers() {
            @Override
            public PublishedVersionPointers.Pointers now(String priceListId) {
                PublishedVersionPointers.Pointers before = pointers.now(priceListId);
                go.countDown();
                try {
                    assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return before;
            }
        };
        QuoteSubmitting submitting = submitting(readThenPublish);

        execution.run(submitting.command(q.id(), new ExpectedVersion(q.rowVersion())));
        publisher.join();

        assertThat(q.status()).as("the residual window: it commits on version 3").isEqualTo(QuoteStatus.APPROVED);
        CommitmentEvidence recorded = evidence.rows.get(0);
        assertThat(recorded.priceListVersion()).isEqualTo(3);
        setRecordedAt(recorded, Instant.now());
        setId(recorded, 41);
        DecisionReconciling reconciler = new DecisionReconciling(evidence, history(), new SupersededDecisionRecording(evidence,
                new AuditTrail() {
                    @Override
                    public void succeeded(AuditedChange change) {
                        // counted below
                    }
                }, new SimpleMeterRegistry()), new OutsideTransaction());

        List<SupersededDecision> found = reconciler.reconcile();

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.evidenceId()).isEqualTo(41);
            assertThat(f.domain()).isEqualTo(SupersededDecision.PRICE_LIST);
            assertThat(f.confirmedVersion()).isEqualTo(3);
            assertThat(f.outcome()).isEqualTo("APPROVED");
        });
        assertThat(reconciler.reconcile()).as("found once").isEmpty();
        assertThat(reconciler.found(10)).hasSize(1);
    }

    @Test
    void withoutAnyNewerPublicationTheReconcilerFindsNothing() {
        Quote q = priced();
        execution.run(submitting().command(q.id(), new ExpectedVersion(q.rowVersion())));
        setRecordedAt(evidence.rows.get(0), Instant.now());
        setId(evidence.rows.get(0), 1);
        DecisionReconciling reconciler = new DecisionReconciling(evidence, history(), new SupersededDecisionRecording(evidence,
                new AuditTrail() {
                    @Override
                    public void succeeded(AuditedChange change) {
                        // nothing found
                    }
                }, new SimpleMeterRegistry()), new OutsideTransaction());
        assertThat(reconciler.reconcile()).isEmpty();
    }

    /** The owners' publication times as the fake pricing holds them; catalog and policy never moved. */
    private PublicationHistory history() {
        return new PublicationHistory() {
            @Override
            public Optional<Instant> catalogPublishedAfter(long catalogVersion) {
                return Optional.empty();
            }

            @Override
            public Optional<Instant> priceListPublishedAfter(String priceListId, long priceListVersion) {
                return priceListVersion < pricing.activeVersion ? Optional.ofNullable(pricing.newerPublishedAt) : Optional.empty();
            }

            @Override
            public Optional<Instant> approvalPolicyPublishedAfter(long policyVersion) {
                return Optional.empty();
            }
        };
    }

    /** What the database sets at insert (recorded_at default, identity). */
    private static void setRecordedAt(CommitmentEvidence e, Instant at) {
        set(e, "recordedAt", at);
    }

    private static void setId(CommitmentEvidence e, long id) {
        set(e, "id", id);
    }

    private static void set(CommitmentEvidence e, String field, Object value) {
        try {
            Field f = CommitmentEvidence.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(e, value);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
