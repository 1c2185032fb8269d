package dev.cpq.quote.submission.control;

import static dev.cpq.quote.core.entity.QuoteFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.TenantId;
import dev.cpq.quote.acceptance.control.QuoteAccepting;
import dev.cpq.quote.acceptance.entity.QuoteSnapshot;
import dev.cpq.quote.acceptance.entity.QuoteSnapshots;
import dev.cpq.quote.approval.control.ApprovalDeciding;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.platform.command.control.CommandExecution;
import dev.cpq.platform.command.control.OutsideTransaction;
import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.quote.core.control.QuoteReadAhead;
import dev.cpq.quote.core.entity.InMemoryQuotes;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteFixtures;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteLine;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.RevisionId;
import dev.cpq.quote.submission.entity.InMemoryEvidence;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 1, property style: random owners, submitters, approvers and acceptors, random discounts,
 * pricing's recorded signals made by whoever priced (here: none at all, as if an agent priced under a
 * generous policy), and random policy changes between price, submit, decision and accept. Whatever the
 * sequence, a quote never ends APPROVED or ACCEPTED with a discount above the lowest limit of the sellers
 * involved (owner and submitter; owner and acceptor) without an approver's decision whose limit, under
 * the policy in force then, covers it. The oracle computes limits on its own, from the thresholds.
 */
class ApprovalRequirementPropertyTest {

    private static final List<Set<String>> SELLERS = List.of(Set.of("PARTNER"), Set.of("SALES_AGENT"), Set.of("PARTNER", "SALES_AGENT"));

    private final FakeAuthorities.Catalog catalog = new FakeAuthorities.Catalog();
    private final FakeAuthorities.Pricing pricing = new FakeAuthorities.Pricing();
    private final InMemoryQuotes quotes = new InMemoryQuotes();
    private final List<ApprovalDecision> decisionRows = new ArrayList<>();
    private Caller caller;

    @Test
    void noSequenceEndsApprovedOrAcceptedAboveTheSellersLimitWithoutACoveringDecision() {
        long seed = Long.getLong("property.seed", System.nanoTime());
        Random random = new Random(seed);
        int approved = 0;
        int accepted = 0;
        int pending = 0;
        for (int trial = 0; trial < 600; trial++) {
            String context = "seed " + seed + ", trial " + trial;
            Outcome outcome = oneSequence(random, context);
            approved += outcome == Outcome.APPROVED ? 1 : 0;
            accepted += outcome == Outcome.ACCEPTED ? 1 : 0;
            pending += outcome == Outcome.PENDING ? 1 : 0;
        }
        // the generator must reach every ending, or the property proves little
        assertThat(approved).as("seed %d", seed).isPositive();
        assertThat(accepted).as("seed %d", seed).isPositive();
        assertThat(pending).as("seed %d", seed).isPositive();
    }

    private enum Outcome { REFUSED, PENDING, APPROVED, ACCEPTED }

    private Outcome oneSequence(Random random, String context) {
        long version = 1;
        ApprovalPolicy policy = randomPolicy(random, version);
        pricing.policy = policy;
        Set<String> owner = pick(random, SELLERS);
        List<QuoteLine> lines = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            lines.add(QuoteFixtures.line("o" + i, discount(random).toPlainString()));
        }
        Quote q = QuoteFixtures.draft();
        q.ownedBy(owner);
        q.replaceLines(lines, 7, NOW);
        // whoever priced: no signals recorded (the adversarial case: the quote must not trust them)
        PriceResult p = QuoteFixtures.price(7, List.<ApprovalSignal>of());
        q.recordPrice(q.revisionId(), p, NOW);
        quotes.put(q);
        for (int changes = random.nextInt(3); changes > 0; changes--) {
            pricing.policy = randomPolicy(random, ++version);
        }
        Set<String> submitter = pick(random, SELLERS);
        caller = new Caller("seller-" + submitter.hashCode(), new TenantId("t1"), submitter);
        ApprovalPolicy atSubmit = pricing.policy;
        try {
            execution().run(submitting().command(q.id(), new ExpectedVersion(q.rowVersion())));
        } catch (ProblemException e) {
            assertThat(q.status()).as(context).isEqualTo(QuoteStatus.PRICED);
            return Outcome.REFUSED;
        }
        BigDecimal submitLimit = lowestLimit(atSubmit, owner, submitter);
        if (q.status() == QuoteStatus.APPROVED) {
            assertThat(maxAbove(q, submitLimit)).as("%s: APPROVED at submit without an approver", context).isEmpty();
        }
        if (q.status() == QuoteStatus.PENDING_APPROVAL && random.nextInt(4) > 0) {
            if (random.nextBoolean()) {
                pricing.policy = randomPolicy(random, ++version);
            }
            caller = new Caller("manager-1", new TenantId("t1"), Set.of("SALES_MANAGER"));
            ApprovalPolicy atDecision = pricing.policy;
            try {
                execution().run(new ApprovalDeciding(quotes, new QuoteReadAhead(quotes, tenant()), decisions(), tenant(), pricing).command(q.id(),
                        new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow(),
                        random.nextInt(5) == 0 ? ApprovalDecision.Decision.REJECTED : ApprovalDecision.Decision.APPROVED, "property"));
            } catch (ProblemException e) {
                assertThat(q.status()).as(context).isEqualTo(QuoteStatus.PENDING_APPROVAL);
            }
            if (q.status() == QuoteStatus.APPROVED) {
                maxAbove(q, submitLimit).ifPresent(above -> assertThat(above).as("%s: a manager approved beyond the policy of the submit", context)
                        .isLessThanOrEqualTo(atSubmit.limitOf("SALES_MANAGER").orElse(BigDecimal.ZERO)));
                // the policy in force when the approval is given bounds it too (version 0: a manager grants anything)
                maxAbove(q, submitLimit).filter(above -> atDecision.policyVersion() > 0).ifPresent(above -> assertThat(above)
                        .as("%s: a manager approved beyond the policy in force at the decision", context)
                        .isLessThanOrEqualTo(atDecision.limitOf("SALES_MANAGER").orElse(BigDecimal.ZERO)));
            }
        }
        if (q.status() != QuoteStatus.APPROVED) {
            return q.status() == QuoteStatus.PENDING_APPROVAL ? Outcome.PENDING : Outcome.REFUSED;
        }
        if (random.nextBoolean()) {
            pricing.policy = randomPolicy(random, ++version);
        }
        Set<String> acceptor = pick(random, SELLERS);
        caller = new Caller("seller-" + acceptor.hashCode(), new TenantId("t1"), acceptor);
        ApprovalPolicy atAccept = pricing.policy;
        try {
            execution().run(accepting().command(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow()));
        } catch (ProblemException e) {
            assertThat(q.status()).as(context).isEqualTo(QuoteStatus.APPROVED);
            return Outcome.APPROVED;
        }
        assertThat(q.status()).isEqualTo(QuoteStatus.ACCEPTED);
        BigDecimal acceptLimit = lowestLimit(atAccept, owner, acceptor);
        if (maxAbove(q, acceptLimit.min(submitLimit)).isPresent()) {
            List<ApprovalDecision> byApprover = decisionRows.stream().filter(d -> d.quoteId().equals(q.id()) && !d.automatic()
                    && d.decision() == ApprovalDecision.Decision.APPROVED && d.approvalRound() == q.approvalRound()).toList();
            assertThat(byApprover).as("%s: ACCEPTED above the sellers' limit without an approver's decision", context).isNotEmpty();
        }
        maxAbove(q, acceptLimit).ifPresent(above -> assertThat(above)
                .as("%s: ACCEPTED beyond what a manager may grant under the policy in force", context)
                .isLessThanOrEqualTo(atAccept.limitOf("SALES_MANAGER").orElse(BigDecimal.ZERO)));
        return Outcome.ACCEPTED;
    }

    /** The oracle's own reading of the thresholds: a partner has the PARTNER limit, else the agent's; none: 0. */
    private static BigDecimal lowestLimit(ApprovalPolicy policy, Set<String> owner, Set<String> seller) {
        if (policy.policyVersion() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal agent = policy.limitOf("SALES_AGENT").orElse(BigDecimal.ZERO);
        BigDecimal partner = policy.limitOf("PARTNER").orElse(agent);
        Set<String> roles = new java.util.HashSet<>(owner);
        roles.addAll(seller);
        return roles.stream().map(r -> r.equals("PARTNER") ? partner : agent).min(BigDecimal::compareTo).orElseThrow();
    }

    /** The largest discount above {@code limit}, if any line has one. */
    private static Optional<BigDecimal> maxAbove(Quote q, BigDecimal limit) {
        return q.lines().stream().map(QuoteLine::discountPercent).filter(d -> d.compareTo(limit) > 0).max(BigDecimal::compareTo);
    }

    private static ApprovalPolicy randomPolicy(Random random, long version) {
        List<ApprovalPolicy.Threshold> thresholds = new ArrayList<>();
        BigDecimal agent = discount(random);
        if (random.nextInt(4) > 0) {
            thresholds.add(new ApprovalPolicy.Threshold("PARTNER", discount(random)));
        }
        thresholds.add(new ApprovalPolicy.Threshold("SALES_AGENT", agent));
        if (random.nextInt(5) > 0) {
            thresholds.add(new ApprovalPolicy.Threshold("SALES_MANAGER", agent.add(discount(random)).min(new BigDecimal("100"))));
        }
        return new ApprovalPolicy(version, thresholds);
    }

    private static BigDecimal discount(Random random) {
        return BigDecimal.valueOf(random.nextInt(3001), 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private TenantContext tenant() {
        return new TenantContext() {
            @Override
            public Caller caller() {
                return caller;
            }
        };
    }

    /** Runs a command as the pipeline does: read-ahead, validation, change, audit row. */
    private CommandExecution execution() {
        return new CommandExecution(new OutsideTransaction(), audit());
    }

    private AuditTrail audit() {
        return new AuditTrail() {
            @Override
            public void succeeded(AuditedChange change) {
                // not under test
            }
        };
    }

    private ApprovalDecisions decisions() {
        return new ApprovalDecisions() {
            @Override
            public void add(ApprovalDecision decision) {
                boolean twice = decisionRows.stream().anyMatch(d -> d.quoteId().equals(decision.quoteId()) && d.revisionId().equals(decision.revisionId())
                        && d.priceResultId().equals(decision.priceResultId()) && d.approvalRound() == decision.approvalRound()
                        && d.requirement() == decision.requirement());
                assertThat(twice).as("one decision per requirement and round (the unique index)").isFalse();
                decisionRows.add(decision);
            }

            @Override
            public List<ApprovalDecision> on(QuoteId quote, RevisionId revision, UUID priceResultId, int round) {
                return decisionRows.stream().filter(d -> d.quoteId().equals(quote) && d.revisionId().equals(revision)
                        && d.priceResultId().equals(priceResultId) && d.approvalRound() == round).toList();
            }

            @Override
            public List<ApprovalDecision> of(QuoteId quote) {
                return decisionRows.stream().filter(d -> d.quoteId().equals(quote)).toList();
            }
        };
    }

    private QuoteSubmitValidator validator() {
        return new QuoteSubmitValidator(new ConfigurationFreshnessChecker(catalog), new QuotePricingFreshnessChecker(pricing),
                new StaleRejections(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    private QuoteSubmitting submitting() {
        return new QuoteSubmitting(quotes, new QuoteReadAhead(quotes, tenant()), decisions(), validator(), new InMemoryEvidence.Pointers(),
                new InMemoryEvidence(), tenant());
    }

    private QuoteAccepting accepting() {
        QuoteSnapshots snapshots = new QuoteSnapshots() {
            @Override
            public void add(QuoteSnapshot snapshot) {
                // not under test
            }

            @Override
            public Optional<QuoteSnapshot> of(QuoteId quote, RevisionId revision) {
                return Optional.empty();
            }
        };
        CurrentRequest request = new CurrentRequest() {
            @Override
            public String requestId() {
                return "req-1";
            }
        };
        return new QuoteAccepting(quotes, decisions(), snapshots, validator(), new StaleRejections(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                new QuoteReadAhead(quotes, tenant()), new InMemoryEvidence.Pointers(), new InMemoryEvidence(),
                new Outbox(nowhere(), new EnvelopeCodec(), java.time.Clock.systemUTC()), request, tenant());
    }

    /** An outbox table that takes every insert. */
    private DataSource nowhere() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (ds, m, a) ->
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (c, cm, ca) -> switch (cm.getName()) {
                    case "prepareStatement" -> Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                            (ps, pm, pa) -> pm.getName().equals("executeUpdate") ? 1 : null);
                    default -> null;
                }));
    }
}
