package dev.cpq.quote.approval.control;

import static dev.cpq.quote.core.entity.QuoteFixtures.NOW;
import static dev.cpq.quote.core.entity.QuoteFixtures.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.command.control.CommandExecution;
import dev.cpq.platform.command.control.OutsideTransaction;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.TenantId;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.quote.core.control.QuoteReadAhead;
import dev.cpq.quote.core.entity.InMemoryQuotes;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteFixtures;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.RevisionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApprovalDecidingTest {

    static final class Decisions implements ApprovalDecisions {
        final List<ApprovalDecision> rows = new ArrayList<>();

        @Override
        public void add(ApprovalDecision decision) {
            rows.add(decision);
        }

        @Override
        public List<ApprovalDecision> on(QuoteId quote, RevisionId revision, UUID priceResultId, int round) {
            return rows.stream().filter(d -> d.quoteId().equals(quote) && d.revisionId().equals(revision)
                    && d.priceResultId().equals(priceResultId)).toList();
        }

        @Override
        public List<ApprovalDecision> of(QuoteId quote) {
            return rows.stream().filter(d -> d.quoteId().equals(quote)).toList();
        }
    }

    static final class Audit extends AuditTrail {
        final List<AuditedChange> changes = new ArrayList<>();

        @Override
        public void succeeded(AuditedChange change) {
            changes.add(change);
        }
    }

    static final class Manager extends TenantContext {
        @Override
        public Caller caller() {
            return new Caller("manager-1", new TenantId("t1"), Set.of("SALES_MANAGER"));
        }
    }

    private final InMemoryQuotes quotes = new InMemoryQuotes();
    private final Decisions decisions = new Decisions();
    private final Audit audit = new Audit();
    /** Pricing's database as the decision reads it: the policy in force (the manager may grant up to 20 % unless a test lowers it). */
    static final class PolicyInForce implements dev.cpq.quote.authority.entity.PricingAuthority {
        dev.cpq.quote.authority.entity.ApprovalPolicy policy = new dev.cpq.quote.authority.entity.ApprovalPolicy(1, List.of(
                new dev.cpq.quote.authority.entity.ApprovalPolicy.Threshold("SALES_AGENT", new java.math.BigDecimal("10")),
                new dev.cpq.quote.authority.entity.ApprovalPolicy.Threshold("SALES_MANAGER", new java.math.BigDecimal("20"))));

        @Override
        public dev.cpq.quote.authority.entity.PriceResult price(dev.cpq.quote.authority.entity.PriceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.cpq.quote.authority.entity.Pending<dev.cpq.quote.authority.entity.ActivePriceList> activePriceList(String priceListId,
                long pricedOnVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.cpq.quote.authority.entity.Pending<dev.cpq.quote.authority.entity.ApprovalPolicy> approvalPolicy() {
            return dev.cpq.quote.authority.entity.Pending.answered(policy);
        }
    }

    private final PolicyInForce pricing = new PolicyInForce();
    private final Manager manager = new Manager();
    private final ApprovalDeciding deciding = new ApprovalDeciding(quotes, new QuoteReadAhead(quotes, manager), decisions, manager, pricing);
    private final CommandExecution execution = new CommandExecution(new OutsideTransaction(), audit);

    /** As the command pipeline runs it: read-ahead, validation, change, audit row. */
    private Quote decide(QuoteId id, ExpectedVersion expected, RevisionId revision, UUID priceResultId, ApprovalDecision.Decision decision,
            String reason) {
        return execution.run(deciding.command(id, expected, revision, priceResultId, decision, reason));
    }

    private Quote pending() {
        Quote q = QuoteFixtures.priced(List.of(signal(0, true)));
        q.submit(q.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, q.approvalSignals()), NOW);
        return quotes.put(q);
    }

    @Test
    void anApprovalIsEvidenceBoundToRevisionPriceResultRequirementAndAuthority() {
        Quote q = pending();
        decide(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow(),
                ApprovalDecision.Decision.APPROVED, "fine");
        assertThat(q.status()).isEqualTo(QuoteStatus.APPROVED);
        assertThat(quotes.locks).isEqualTo(1);
        assertThat(decisions.rows).singleElement().satisfies(d -> {
            assertThat(d.revisionId()).isEqualTo(q.revisionId());
            assertThat(d.priceResultId()).isEqualTo(q.priceResultId().orElseThrow());
            assertThat(d.requirement()).isEqualTo(ApprovalDecision.Requirement.DISCOUNT_APPROVAL);
            assertThat(d.authorityRole()).isEqualTo("SALES_MANAGER");
            assertThat(d.authorityMaxDiscount()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("20"));
            assertThat(d.policyVersion()).isEqualTo(1);
            assertThat(d.decidedBy()).isEqualTo("manager-1");
            assertThat(d.automatic()).isFalse();
        });
        assertThat(audit.changes).singleElement().satisfies(c -> assertThat(c.toState()).isEqualTo("APPROVED"));
    }

    @Test
    void aDecisionOnAnOldRevisionOrPriceResultIsStaleAndWritesNothing() {
        Quote q = pending();
        assertThatThrownBy(() -> decide(q.id(), new ExpectedVersion(q.rowVersion()), RevisionId.random(), q.priceResultId().orElseThrow(),
                ApprovalDecision.Decision.APPROVED, null)).satisfies(e -> assertThat(((ProblemException) e).problem().getCode())
                .isEqualTo("STALE_APPROVAL"));
        assertThatThrownBy(() -> decide(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), UUID.randomUUID(),
                ApprovalDecision.Decision.REJECTED, null)).satisfies(e -> assertThat(((ProblemException) e).problem().getCode())
                .isEqualTo("STALE_APPROVAL"));
        assertThat(decisions.rows).isEmpty();
        assertThat(q.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
    }

    @Test
    void aRejectionEndsTheRevisionAndASecondDecisionIsRefused() {
        Quote q = pending();
        decide(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow(),
                ApprovalDecision.Decision.REJECTED, "too cheap");
        assertThat(q.status()).isEqualTo(QuoteStatus.REJECTED);
        assertThatThrownBy(() -> decide(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow(),
                ApprovalDecision.Decision.APPROVED, null)).satisfies(e -> assertThat(((ProblemException) e).problem().getCode())
                .isEqualTo("QUOTE_NOT_PENDING_APPROVAL"));
        assertThat(decisions.rows).hasSize(1);
    }

    @Test
    void aCommandOnAnOlderVersionIsRefusedBeforeAnythingElse() {
        Quote q = pending();
        assertThatThrownBy(() -> decide(q.id(), new ExpectedVersion(q.rowVersion() + 7), q.revisionId(), q.priceResultId().orElseThrow(),
                ApprovalDecision.Decision.APPROVED, null)).satisfies(e -> assertThat(((ProblemException) e).problem().getCode())
                .isEqualTo("QUOTE_VERSION_CONFLICT"));
    }

    @Test
    void anApprovalBeyondTheManagersLimitInForceIsRefusedAndNothingIsRecorded() {
        Quote q = pending();
        // the signal's 15 % was approvable at submit (manager 20 %); the policy in force now lets managers grant 12 %
        pricing.policy = new dev.cpq.quote.authority.entity.ApprovalPolicy(2, List.of(
                new dev.cpq.quote.authority.entity.ApprovalPolicy.Threshold("SALES_AGENT", new java.math.BigDecimal("10")),
                new dev.cpq.quote.authority.entity.ApprovalPolicy.Threshold("SALES_MANAGER", new java.math.BigDecimal("12"))));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decide(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(),
                        q.priceResultId().orElseThrow(), ApprovalDecision.Decision.APPROVED, "too late"))
                .isInstanceOf(dev.cpq.quote.core.entity.DiscountNotApprovableException.class);
        assertThat(q.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
        assertThat(decisions.rows).isEmpty();
        decide(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow(),
                ApprovalDecision.Decision.REJECTED, "a rejection needs no limit");
        assertThat(q.status()).isEqualTo(QuoteStatus.REJECTED);
    }
}
