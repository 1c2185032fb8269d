package dev.cpq.quote.acceptance.control;

import static dev.cpq.quote.core.entity.QuoteFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.command.control.CommandExecution;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.TenantId;
import dev.cpq.quote.acceptance.entity.QuoteSnapshot;
import dev.cpq.quote.acceptance.entity.QuoteSnapshots;
import dev.cpq.quote.approval.entity.ApprovalDecision;
import dev.cpq.quote.approval.entity.ApprovalDecisions;
import dev.cpq.platform.command.control.OutsideTransaction;
import dev.cpq.quote.authority.entity.ActivePriceList;
import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.authority.entity.PriceRequest;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.quote.authority.entity.PricingAuthority;
import dev.cpq.quote.authority.entity.StalenessPolicy;
import dev.cpq.quote.core.control.QuoteReadAhead;
import dev.cpq.quote.core.entity.InMemoryQuotes;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteFixtures;
import dev.cpq.quote.core.entity.QuoteId;
import dev.cpq.quote.core.entity.QuoteStatus;
import dev.cpq.quote.core.entity.RevisionId;
import dev.cpq.quote.authority.entity.CatalogAuthority;
import dev.cpq.quote.authority.entity.ConfigurationVerdict;
import dev.cpq.quote.authority.entity.LinesVerdict;
import dev.cpq.quote.submission.control.ConfigurationFreshnessChecker;
import dev.cpq.quote.submission.control.QuotePricingFreshnessChecker;
import dev.cpq.quote.submission.control.QuoteSubmitValidator;
import dev.cpq.quote.submission.entity.InMemoryEvidence;
import dev.cpq.quote.submission.control.StaleRejections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class QuoteAcceptingTest {

    /** An outbox table in memory: the parameters of every insert. */
    private final List<Map<Integer, Object>> outboxRows = new ArrayList<>();
    private final List<QuoteSnapshot> snapshotRows = new ArrayList<>();
    private final List<ApprovalDecision> decisionRows = new ArrayList<>();
    private final List<AuditedChange> audited = new ArrayList<>();
    private CommandExecution execution;
    private final InMemoryQuotes quotes = new InMemoryQuotes();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private long activePriceListVersion = 3;
    private int pricingAsked;

    private final PricingAuthority pricing = new PricingAuthority() {
        @Override
        public PriceResult price(PriceRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Pending<ActivePriceList> activePriceList(String priceListId, long pricedOnVersion) {
            pricingAsked++;
            return Pending.answered(new ActivePriceList(priceListId, activePriceListVersion, StalenessPolicy.REPRICE_REQUIRED_ON_PUBLISH,
                    policy.policyVersion()));
        }

        @Override
        public Pending<ApprovalPolicy> approvalPolicy() {
            return Pending.answered(policy);
        }
    };

    /** The fixtures' 15 % is within the agent's limit here: an automatic approval covers it. */
    private ApprovalPolicy policy = new ApprovalPolicy(1, List.of(new ApprovalPolicy.Threshold("PARTNER", new java.math.BigDecimal("5")),
            new ApprovalPolicy.Threshold("SALES_AGENT", new java.math.BigDecimal("20")),
            new ApprovalPolicy.Threshold("SALES_MANAGER", new java.math.BigDecimal("25"))));
    private long activeCatalogVersion = 7;
    private final InMemoryEvidence evidence = new InMemoryEvidence();
    private final InMemoryEvidence.Pointers pointers = new InMemoryEvidence.Pointers();

    /** Catalog validating every line on the recorded version 7 as the fixtures configured them. */
    private final CatalogAuthority catalog = (lines, catalogVersion) -> Pending.answered(new LinesVerdict(catalogVersion,
            java.util.OptionalLong.of(activeCatalogVersion), lines.stream().map(l -> new ConfigurationVerdict(true, List.of(), QuoteFixtures.hash('a'),
                    catalogVersion)).toList()));

    private DataSource outboxTable() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (ds, m, a) -> {
            if (!m.getName().equals("getConnection")) {
                throw new UnsupportedOperationException(m.getName());
            }
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (c, cm, ca) -> switch (cm.getName()) {
                case "prepareStatement" -> {
                    Map<Integer, Object> row = new HashMap<>();
                    yield Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, (ps, pm, pa) -> {
                        if (pm.getName().startsWith("set")) {
                            row.put((Integer) pa[0], pa[1]);
                        } else if (pm.getName().equals("executeUpdate")) {
                            outboxRows.add(row);
                            return 1;
                        }
                        return null;
                    });
                }
                case "close" -> null;
                default -> throw new UnsupportedOperationException(cm.getName());
            });
        });
    }

    private QuoteAccepting accepting() {
        ApprovalDecisions decisions = new ApprovalDecisions() {
            @Override
            public void add(ApprovalDecision decision) {
                decisionRows.add(decision);
            }

            @Override
            public List<ApprovalDecision> on(QuoteId quote, RevisionId revision, UUID priceResultId, int round) {
                return decisionRows.stream().filter(d -> d.revisionId().equals(revision) && d.priceResultId().equals(priceResultId)
                        && d.approvalRound() == round).toList();
            }

            @Override
            public List<ApprovalDecision> of(QuoteId quote) {
                return decisionRows;
            }
        };
        QuoteSnapshots snapshots = new QuoteSnapshots() {
            @Override
            public void add(QuoteSnapshot snapshot) {
                snapshotRows.add(snapshot);
            }

            @Override
            public Optional<QuoteSnapshot> of(QuoteId quote, RevisionId revision) {
                return snapshotRows.stream().findFirst();
            }
        };
        AuditTrail audit = new AuditTrail() {
            @Override
            public void succeeded(AuditedChange change) {
                audited.add(change);
            }
        };
        CurrentRequest request = new CurrentRequest() {
            @Override
            public String requestId() {
                return "req-1";
            }
        };
        TenantContext tenant = new TenantContext() {
            @Override
            public Caller caller() {
                return new Caller("agent-1", new TenantId("t1"), Set.of("SALES_AGENT"));
            }
        };
        StaleRejections rejections = new StaleRejections(registry);
        QuoteSubmitValidator validator = new QuoteSubmitValidator(new ConfigurationFreshnessChecker(catalog), new QuotePricingFreshnessChecker(pricing),
                rejections);
        execution = new CommandExecution(new OutsideTransaction(), audit);
        return new QuoteAccepting(quotes, decisions, snapshots, validator, rejections, new QuoteReadAhead(quotes, tenant), pointers, evidence,
                new Outbox(outboxTable(), new EnvelopeCodec(), java.time.Clock.systemUTC()), request, tenant);
    }

    /** As the pipeline does: read ahead before the command, then accepted. */
    private Quote accept(QuoteId id, ExpectedVersion expected, RevisionId revision, java.util.UUID priceResultId) {
        QuoteAccepting accepting = accepting();
        return execution.run(accepting.command(id, expected, revision, priceResultId));
    }

    private Quote approved(boolean withEvidence) {
        Quote q = QuoteFixtures.priced(List.of());
        q.submit(q.revisionId(), new dev.cpq.quote.core.entity.ApprovalRequirement(1, java.math.BigDecimal.TEN, List.of()), NOW);
        if (withEvidence) {
            decisionRows.add(ApprovalDecision.automatic(q, "agent-1", "SALES_AGENT", java.math.BigDecimal.TEN, NOW));
        }
        return quotes.put(q);
    }

    private static String code(Throwable e) {
        return ((ProblemException) e).problem().getCode();
    }

    @Test
    void acceptingWritesTheStateTheSnapshotAndTheEventTogether() throws Exception {
        Quote q = approved(true);
        accept(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow());
        assertThat(q.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(snapshotRows).singleElement().satisfies(s -> {
            JsonNode doc = s.document();
            assertThat(doc.path("quoteRevisionId").asText()).isEqualTo(q.revisionId().toString());
            assertThat(doc.path("configuration").path("configurationHash").asText()).isEqualTo(q.configurationHash().orElseThrow());
            assertThat(doc.path("prices").path("priceHash").asText()).isEqualTo(q.priceHash().orElseThrow());
            assertThat(doc.path("versions").path("priceListVersion").asLong()).isEqualTo(3);
            assertThat(doc.path("approval").path("evidence").get(0).path("requirement").asText()).isEqualTo("NO_APPROVAL_REQUIRED");
            assertThat(doc.path("snapshotHash").asText()).matches("snap-sha256:[0-9a-f]{64}");
        });
        assertThat(outboxRows).singleElement().satisfies(row -> {
            assertThat(row.get(3)).isEqualTo("Quote");
            assertThat(row.get(4)).isEqualTo(q.id().toString());
            assertThat(row.get(6)).isEqualTo("QuoteAccepted");
            assertThat(row.get(9)).isEqualTo("cpq.quote");
            JsonNode envelope = new ObjectMapper().readTree((String) row.get(10));
            assertThat(envelope.toString()).contains(q.priceResultId().orElseThrow().toString()).contains("\"customerId\":\"cust-1\"")
                    .contains("\"currency\":\"EUR\"").contains("netTotal");
        });
        assertThat(audited).singleElement().satisfies(a -> assertThat(a.toState()).isEqualTo("ACCEPTED"));
    }

    @Test
    void pricingIsAskedOnceBeforeTheKeyIsClaimedAndItsAnswerJudgedInTheCommand() {
        Quote q = approved(true);
        var command = accepting().command(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow());
        var prepared = command.readAhead().get();
        assertThat(pricingAsked).isEqualTo(1);
        activePriceListVersion = 4; // what pricing answered before the claim is what the command judges
        execution.run(command, prepared);
        assertThat(pricingAsked).isEqualTo(1);
        assertThat(q.status()).isEqualTo(QuoteStatus.ACCEPTED);
    }

    @Test
    void aQuoteThatCannotBeAcceptedAsksNobodyAndItsRefusalComesFromTheCommand() {
        Quote q = QuoteFixtures.priced(List.of());
        quotes.put(q);
        QuoteAccepting accepting = accepting();
        var command = accepting.command(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow());
        var prepared = command.readAhead().get();
        assertThat(pricingAsked).isZero();
        assertThat(prepared.get().answers()).isEmpty();
        assertThatThrownBy(() -> execution.run(command, prepared)).satisfies(e -> assertThat(code(e)).isEqualTo("QUOTE_NOT_APPROVED"));
        QuoteId unknown = QuoteId.random();
        var unknownCommand = accepting.command(unknown, new ExpectedVersion(1), q.revisionId(), q.priceResultId().orElseThrow());
        var nothing = unknownCommand.readAhead().get();
        assertThatThrownBy(() -> execution.run(unknownCommand, nothing)).satisfies(e -> assertThat(code(e)).isEqualTo("QUOTE_NOT_FOUND"));
    }

    @Test
    void withoutApprovalEvidenceForThisRevisionAndPriceTheApprovalIsStale() {
        Quote q = approved(false);
        assertThatThrownBy(() -> accept(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("STALE_APPROVAL"));
        assertThat(q.status()).isEqualTo(QuoteStatus.APPROVED);
        assertThat(snapshotRows).isEmpty();
        assertThat(outboxRows).isEmpty();
    }

    @Test
    void aNewerPriceListUnderRepriceRequiredIsPricingStaleAndCounted() {
        Quote q = approved(true);
        activePriceListVersion = 4;
        assertThatThrownBy(() -> accept(q.id(), new ExpectedVersion(q.rowVersion()), q.revisionId(), q.priceResultId().orElseThrow()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("QUOTE_PRICING_STALE"));
        assertThat(quotes.locks).isZero();
        assertThat(registry.counter(StaleRejections.METER, "code", "QUOTE_PRICING_STALE").count()).isEqualTo(1);
    }

    @Test
    void anOtherRevisionIsStaleApprovalAndAnOldVersionIsRefused() {
        Quote q = approved(true);
        assertThatThrownBy(() -> accept(q.id(), new ExpectedVersion(q.rowVersion()), RevisionId.random(), q.priceResultId().orElseThrow()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("STALE_APPROVAL"));
        assertThatThrownBy(() -> accept(q.id(), new ExpectedVersion(q.rowVersion() + 1), q.revisionId(), q.priceResultId().orElseThrow()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("QUOTE_VERSION_CONFLICT"));
    }

    @Test
    void theSnapshotHashCoversTheWholeDocument() {
        Quote q = approved(true);
        q.accept(q.revisionId(), q.priceResultId().orElseThrow(), NOW);
        QuoteSnapshot a = QuoteSnapshot.of(q, decisionRows, "agent-1", NOW);
        QuoteSnapshot b = QuoteSnapshot.of(q, decisionRows, "agent-1", NOW);
        QuoteSnapshot other = QuoteSnapshot.of(q, List.of(), "agent-1", NOW);
        assertThat(a.snapshotHash()).isEqualTo(b.snapshotHash()).isNotEqualTo(other.snapshotHash());
    }
}
