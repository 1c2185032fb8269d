package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.testing.RealServices;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 2 (the reconciler of superseded decisions): every decision of the look-back window is
 * compared with the owners' publication times, however many decisions that were never superseded were
 * recorded before it; a second run records nothing twice; another tenant's operator finds nothing.
 */
class SupersededDecisionReconcilerScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void aSupersededDecisionIsFoundHoweverManyFreshDecisionsWereRecordedBeforeIt() throws Exception {
        String quoteId = tenant.newQuote().id();
        long superseded = DeployedSuite.get("/pricing/api/price-lists/standard/active-version", tenant.agent()).json().get("priceListVersion").asLong();
        long active = tenant.publishNewPriceListVersion(false);
        long policy = DeployedSuite.get("/pricing/api/approval-policy", tenant.agent()).json().get("policyVersion").asLong();
        // decisions as submits record them: more fresh ones (on the active versions) than one reconciliation batch, then one
        // confirmed on the price list version the publication above had already superseded
        List<Long> fresh = new ArrayList<>();
        long late;
        try (Connection quoteDb = quoteDatabase()) {
            for (int i = 0; i < 520; i++) {
                fresh.add(recordEvidence(quoteDb, quoteId, active, policy));
            }
            late = recordEvidence(quoteDb, quoteId, superseded, policy);
        }
        String operator = TestTokens.token(tenant.tenant, "OPERATOR");

        Reply reconciled = DeployedSuite.call("POST", "/quote/api/ops/superseded-decisions/reconcile", operator, null);

        assertThat(reconciled.status()).as(reconciled.body()).isEqualTo(200);
        List<Long> found = new ArrayList<>();
        reconciled.json().get("decisions").forEach(d -> found.add(d.get("evidenceId").asLong()));
        // the schedule (ScheduledDecisionReconciliation) may have found it a moment before the operator: found once, by either
        assertThat(found).as("the superseded decision, behind %d fresh ones", fresh.size()).isSubsetOf(late);

        Reply again = DeployedSuite.call("POST", "/quote/api/ops/superseded-decisions/reconcile", operator, null);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("found").asInt()).as("found once, however often it runs").isZero();
        Reply listed = DeployedSuite.get("/quote/api/ops/superseded-decisions", operator);
        assertThat(listed.json()).hasSize(1);
        JsonNode finding = listed.json().get(0);
        assertThat(finding.get("evidenceId").asLong()).as("the superseded decision, behind %d fresh ones", fresh.size()).isEqualTo(late);
        assertThat(finding.get("domain").asText()).isEqualTo("price-list");
        assertThat(finding.get("confirmedVersion").asLong()).isEqualTo(superseded);
        for (String limit : List.of("abc", "0", "501", "-1", "99999999999")) {
            Reply bad = DeployedSuite.get("/quote/api/ops/superseded-decisions?limit=" + limit, operator);
            assertThat(bad.status()).as("limit=" + limit + ": " + bad.body()).isEqualTo(400);
        }
        String otherOperator = TestTokens.token(TestTokens.uniqueTenant("ops"), "OPERATOR");
        Reply foreign = DeployedSuite.get("/quote/api/ops/superseded-decisions", otherOperator);
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.json()).as("another tenant's operator sees none of them").isEmpty();
    }

    /**
     * No operator asks: quote's schedule (every {@code CPQ_DECISION_RECONCILIATION_INTERVAL_MS}, 20 s in the test
     * domain) reconciles each tenant with unreconciled decisions as that tenant's SERVICE identity, and records,
     * audits and lists the finding exactly as an operator's run does.
     */
    @Test
    void theScheduleFindsASupersededDecisionWithoutAnOperatorCall() throws Exception {
        String quoteId = tenant.newQuote().id();
        long superseded = DeployedSuite.get("/pricing/api/price-lists/standard/active-version", tenant.agent()).json().get("priceListVersion").asLong();
        tenant.publishNewPriceListVersion(false);
        long policy = DeployedSuite.get("/pricing/api/approval-policy", tenant.agent()).json().get("policyVersion").asLong();
        long late;
        try (Connection quoteDb = quoteDatabase()) {
            late = recordEvidence(quoteDb, quoteId, superseded, policy);
        }
        String operator = TestTokens.token(tenant.tenant, "OPERATOR");
        long interval = Long.parseLong(System.getenv().getOrDefault("CPQ_DECISION_RECONCILIATION_INTERVAL_MS", "20000"));

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(2 * interval + 15_000);
        JsonNode listed = DeployedSuite.get("/quote/api/ops/superseded-decisions", operator).json();
        while (listed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500); // polling the schedule's effect from outside: no event to wait on
            listed = DeployedSuite.get("/quote/api/ops/superseded-decisions", operator).json();
        }

        assertThat(listed).as("found by the schedule within two intervals").hasSize(1);
        assertThat(listed.get(0).get("evidenceId").asLong()).isEqualTo(late);
        assertThat(listed.get(0).get("domain").asText()).isEqualTo("price-list");
        Reply audit = DeployedSuite.get("/quote/api/ops/audit?aggregateId=" + quoteId, operator);
        assertThat(audit.body()).as("audited as the service").contains("quote.decision-superseded").contains("service:quote");
    }

    private static Connection quoteDatabase() throws Exception {
        String password = System.getenv("CPQ_QUOTE_DB_PASSWORD");
        assertThat(password).as("CPQ_QUOTE_DB_PASSWORD (exported by deploy/cpq test)").isNotBlank();
        return DriverManager.getConnection(RealServices.postgres().url(), "quote", password);
    }

    /** One evidence row as quote-service writes it with a submit's decision; answers its id. */
    private long recordEvidence(Connection c, String quoteId, long priceListVersion, long policyVersion) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quote_commitment_evidence (tenant_id, quote_id, revision_id, price_result_id,"
                        + " approval_round, command, outcome, catalog_version, price_list_id, price_list_version, policy_version, confirmed_at)"
                        + " VALUES (?, ?, ?, ?, 1, 'quote.submit', 'APPROVED', ?, 'standard', ?, ?, ?) RETURNING id")) {
            ps.setString(1, tenant.tenant);
            ps.setString(2, quoteId);
            ps.setString(3, UUID.randomUUID().toString());
            ps.setString(4, UUID.randomUUID().toString());
            ps.setLong(5, tenant.catalogVersion);
            ps.setLong(6, priceListVersion);
            ps.setLong(7, policyVersion);
            ps.setTimestamp(8, Timestamp.from(Instant.now().minusSeconds(1)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
