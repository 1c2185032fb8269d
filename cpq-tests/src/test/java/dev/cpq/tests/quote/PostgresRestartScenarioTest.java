package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.RealServices;
import dev.cpq.testing.ServiceControl;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted in the middle of quote flows. Sales agents keep running the whole flow (open,
 * lines, price, submit, accept) and, like any real client, retry a failed command with the SAME
 * Idempotency-Key (and the same If-Match) until it gives an answer. Asserted:
 * <ul>
 * <li>no command is lost or applied twice: every opening key made exactly one quote, every quote has
 * exactly one audited change per command, one ACCEPTED transition, one snapshot and one QuoteAccepted
 * event, and every event is published once PostgreSQL is back;</li>
 * <li>while PostgreSQL is away nothing answers 500: a transient database failure is a 503 problem with a
 * code, which a client may retry;</li>
 * <li>the suite is steady again within 10 s of PostgreSQL accepting connections: a fresh open, lines and
 * price, each on its first attempt.</li>
 * </ul>
 */
class PostgresRestartScenarioTest {

    private static final int AGENTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(4);
    private static final Duration STEADY_WITHIN = Duration.ofSeconds(10);
    /** A command cut off by the outage may hold its key for the claim's lease (30 s) before a retry runs it. */
    private static final Duration AGENTS_FINISH_WITHIN = Duration.ofSeconds(120);

    private final QuotingTenant tenant = new QuotingTenant();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Queue<String> quotesOpened = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean keepGoing = new AtomicBoolean(true);
    /** When PostgreSQL was stopped (System.nanoTime), 0 before. */
    private volatile long outageAt;
    private final java.util.concurrent.atomic.AtomicInteger requestsMeetingTheOutage = new java.util.concurrent.atomic.AtomicInteger();
    /** When PostgreSQL accepted connections again (System.nanoTime), 0 before. */
    private volatile long backAt;
    /** Per agent: its first successful command after PostgreSQL was back (a retried one, often). */
    private final Map<String, Long> agentRecoveredAt = new java.util.concurrent.ConcurrentHashMap<>();

    @Test
    void postgresRestartedDuringQuoteFlowsLosesNoCommandAppliesNoneTwiceAndIsSteadyWithinTenSeconds() throws Exception {
        CountDownLatch everyAgentFinishedAFlow = new CountDownLatch(AGENTS);
        CountDownLatch recovered = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(AGENTS);
        List<Future<Integer>> agents = new ArrayList<>();
        Duration steadyAfter;
        long back;
        try {
            for (int a = 0; a < AGENTS; a++) {
                String agent = "agent-" + a;
                agents.add(pool.submit(() -> runFlows(agent, everyAgentFinishedAFlow, recovered)));
            }
            assertThat(everyAgentFinishedAFlow.await(60, TimeUnit.SECONDS)).as("every agent finished a flow before the outage").isTrue();

            outageAt = System.nanoTime();
            try (var outage = ServiceControl.stopped("postgres")) {
                // the agents keep sending commands into the outage
                Thread.sleep(OUTAGE.toMillis());
                outage.close();
                back = System.nanoTime();
                backAt = back;
            }
            steadyAfter = firstFreshFlowSucceeds(back);
            recovered.countDown();

            keepGoing.set(false);
            for (Future<Integer> f : agents) {
                assertThat(f.get(AGENTS_FINISH_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("flows per agent").isPositive();
            }
            // the figures, for the runbook and the race matrix (not timed assertions beyond the 10 s)
            long lastAgentBack = back;
            for (long at : agentRecoveredAt.values()) {
                lastAgentBack = Math.max(lastAgentBack, at);
            }
            System.out.printf("PostgreSQL restart: %d agent requests met the outage; fresh flow steady %d ms after PostgreSQL was back;"
                    + " every agent succeeded again within %d ms; agents done %d ms after; answers other than success: %s%n",
                    requestsMeetingTheOutage.get(), steadyAfter.toMillis(),
                    Duration.ofNanos(lastAgentBack - back).toMillis(), Duration.ofNanos(System.nanoTime() - back).toMillis(), summary());
        } finally {
            keepGoing.set(false);
            pool.shutdownNow();
            ServiceControl.start("postgres"); // already running unless the test failed in the middle: then it is restored here
        }

        assertThat(failures).as("answers during the outage: transient failures are 503 problems with a code, never 500")
                .allSatisfy(f -> assertThat(f).matches("(503 [A-Z][A-Z_]+|409 IDEMPOTENCY_REQUEST_IN_PROGRESS) .*"));
        // answered or still waiting when PostgreSQL went away (some reads wait it out: EclipseLink retries them)
        assertThat(requestsMeetingTheOutage.get()).as("agent requests sent or in flight while PostgreSQL was away").isPositive();
        assertThat(steadyAfter).as("a fresh flow succeeded on first attempts this long after PostgreSQL was back").isLessThanOrEqualTo(STEADY_WITHIN);
        assertThat(agentRecoveredAt).as("every agent succeeded again after PostgreSQL was back").hasSize(AGENTS);
        agentRecoveredAt.forEach((agent, at) -> assertThat(Duration.ofNanos(at - backAt))
                .as("%s, retrying its interrupted command with the same key, succeeded this long after PostgreSQL was back", agent)
                .isLessThanOrEqualTo(STEADY_WITHIN));
        assertEveryCommandAppliedExactlyOnce();
    }

    private Map<String, Long> summary() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String f : failures) {
            counts.merge(f.replaceAll(" (POST|PUT|GET) .*", ""), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * One agent: whole flows until told to stop, each command retried with its own key until it has an
     * answer. Returns the number of flows completed; at least one after PostgreSQL came back.
     */
    private int runFlows(String agent, CountDownLatch finishedOne, CountDownLatch recovered) {
        int flows = 0;
        int afterRecovery = 0;
        while (keepGoing.get() || afterRecovery == 0) {
            boolean wasRecovered = recovered.getCount() == 0;
            runOneFlow(agent);
            flows++;
            if (wasRecovered) {
                afterRecovery++;
            }
            finishedOne.countDown();
        }
        return flows;
    }

    private void runOneFlow(String agent) {
        String body = "{\"customerId\":\"" + agent + "\",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"priceListId\":\"standard\"}";
        Reply opened = untilAnswered("open", "POST", "/quote/api/quotes", body, null, "open-" + UUID.randomUUID(), 201);
        String quoteId = opened.json().get("quoteId").asText();
        quotesOpened.add(quoteId);
        String etag = opened.header("ETag").orElseThrow();

        Reply lines = untilLinesReplaced(quoteId, etag);
        etag = lines.header("ETag").orElseThrow();
        Reply priced = untilAnswered("price", "POST", "/quote/api/quotes/" + quoteId + "/price", "{}", etag, "price-" + UUID.randomUUID(), 200);
        etag = priced.header("ETag").orElseThrow();
        Reply submitted = untilAnswered("submit", "POST", "/quote/api/quotes/" + quoteId + "/submit", "{}", etag, "submit-" + UUID.randomUUID(), 200);
        assertThat(submitted.json().get("status").asText()).isEqualTo("APPROVED");
        etag = submitted.header("ETag").orElseThrow();
        String accept = "{\"quoteRevisionId\":\"" + submitted.json().get("revisionId").asText() + "\",\"priceResultId\":\""
                + submitted.json().get("priceResultId").asText() + "\"}";
        Reply accepted = untilAnswered("accept", "POST", "/quote/api/quotes/" + quoteId + "/accept", accept, etag, "accept-" + UUID.randomUUID(), 200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
    }

    /**
     * A command sent again, unchanged (same key, same If-Match, same body), until it answers what the flow
     * expects. Transient failures are recorded for the assertions; anything else ends the agent.
     */
    private Reply untilAnswered(String step, String method, String path, String body, String ifMatch, String key, int expected) {
        long deadline = System.nanoTime() + AGENTS_FINISH_WITHIN.toNanos();
        while (true) {
            Reply reply = sendRecorded(method, path, body, ifMatch == null ? new String[] {"Idempotency-Key", key}
                    : new String[] {"Idempotency-Key", key, "If-Match", ifMatch});
            if (reply != null && reply.status() == expected) {
                return succeeded(reply);
            }
            if (reply != null && !retryable(reply)) {
                throw new AssertionError(step + " answered " + reply.status() + ": " + reply.body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(step + " never succeeded; last: " + (reply == null ? "no answer" : reply.body()));
            }
            pause();
        }
    }

    /**
     * PUT lines has no key: a retry after a lost answer may meet its own change (412). The client then
     * reads the quote: lines there means the first attempt did commit.
     */
    private Reply untilLinesReplaced(String quoteId, String etag) {
        long deadline = System.nanoTime() + AGENTS_FINISH_WITHIN.toNanos();
        String path = "/quote/api/quotes/" + quoteId + "/lines";
        while (true) {
            Reply reply = sendRecorded("PUT", path, QuoteDesk.fiberLine(1, "5"), "If-Match", etag);
            if (reply != null && reply.status() == 200) {
                return succeeded(reply);
            }
            if (reply != null && reply.status() == 412) {
                Reply current = sendRecorded("GET", "/quote/api/quotes/" + quoteId, null);
                if (current != null && current.status() == 200 && current.json().path("lines").size() == 1) {
                    return succeeded(current);
                }
            } else if (reply != null && !retryable(reply)) {
                throw new AssertionError("lines answered " + reply.status() + ": " + reply.body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("lines never replaced; last: " + (reply == null ? "no answer" : reply.body()));
            }
            pause();
        }
    }

    private Reply succeeded(Reply reply) {
        long now = System.nanoTime();
        if (backAt != 0) {
            agentRecoveredAt.putIfAbsent(Thread.currentThread().getName(), now);
        }
        return reply;
    }

    private static boolean retryable(Reply reply) {
        return reply.status() == 503 || reply.status() == 500
                || reply.status() == 409 && "IDEMPOTENCY_REQUEST_IN_PROGRESS".equals(code(reply));
    }

    /** The request, with every answer other than success recorded as "status CODE" (or "io ..." when none came). */
    private Reply sendRecorded(String method, String path, String body, String... headers) {
        Reply reply;
        long sent = System.nanoTime();
        try {
            reply = DeployedSuite.call(method, path, tenant.agent(), body, headers);
        } catch (RuntimeException e) {
            failures.add("io " + e);
            return null;
        }
        if (outageAt != 0 && System.nanoTime() >= outageAt && (backAt == 0 || sent <= backAt)) {
            requestsMeetingTheOutage.incrementAndGet();
        }
        if (reply.status() >= 500 || reply.status() == 409 && "IDEMPOTENCY_REQUEST_IN_PROGRESS".equals(code(reply))) {
            boolean problem = reply.contentType().startsWith("application/problem+json");
            failures.add(reply.status() + " " + (problem ? code(reply) : "(no problem body: " + reply.contentType() + ")") + " " + method + " "
                    + path);
        }
        return reply;
    }

    private static String code(Reply reply) {
        try {
            return reply.json().path("code").asText("");
        } catch (AssertionError notJson) {
            return "";
        }
    }

    /** A client's pause between retries (not a wait for the server: the assertions measure the server). */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * From the instant PostgreSQL accepts connections again: how long until a fresh open, lines and price
     * (new keys, first attempts, through quote, catalog and pricing) all succeed.
     */
    private Duration firstFreshFlowSucceeds(long back) {
        long deadline = back + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (freshFlowSucceeds()) {
                return Duration.ofNanos(System.nanoTime() - back);
            }
            Thread.onSpinWait();
            pause();
        }
        throw new AssertionError("no fresh flow succeeded within 60 s of PostgreSQL's return; failures: " + failures);
    }

    private boolean freshFlowSucceeds() {
        Reply opened;
        try {
            opened = DeployedSuite.call("POST", "/quote/api/quotes", tenant.agent(),
                    "{\"customerId\":\"probe\",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"priceListId\":\"standard\"}",
                    "Idempotency-Key", "probe-" + UUID.randomUUID());
            if (opened.status() != 201) {
                return false;
            }
            String id = opened.json().get("quoteId").asText();
            Reply lines = DeployedSuite.call("PUT", "/quote/api/quotes/" + id + "/lines", tenant.agent(), QuoteDesk.fiberLine(1, "5"), "If-Match",
                    opened.header("ETag").orElseThrow());
            if (lines.status() != 200) {
                return false;
            }
            Reply priced = DeployedSuite.call("POST", "/quote/api/quotes/" + id + "/price", tenant.agent(), "{}", "If-Match",
                    lines.header("ETag").orElseThrow(), "Idempotency-Key", "probe-price-" + UUID.randomUUID());
            return priced.status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void assertEveryCommandAppliedExactlyOnce() throws Exception {
        try (Connection db = quoteDatabase()) {
            List<String> opened = List.copyOf(quotesOpened);
            assertThat(opened).as("one quote per opening key").doesNotHaveDuplicates();
            assertThat(count(db, "SELECT count(*) FROM quote WHERE tenant_id = ? AND customer_id LIKE 'agent-%'", tenant.tenant))
                    .as("quotes the agents' opening keys made").isEqualTo(opened.size());
            for (String quoteId : opened) {
                assertThat(text(db, "SELECT status FROM quote WHERE quote_id = ?", quoteId)).as(quoteId).isEqualTo("ACCEPTED");
                Map<String, Long> commands = new LinkedHashMap<>();
                for (String command : List.of("quote.create", "quote.replace-lines", "quote.price", "quote.submit", "quote.accept")) {
                    commands.put(command, count(db, "SELECT count(*) FROM audit_entry WHERE aggregate_id = ? AND command = '" + command
                            + "' AND outcome = 'SUCCEEDED'", quoteId));
                }
                assertThat(commands).as("audited commands of quote %s", quoteId).allSatisfy((command, n) -> assertThat(n).as(command).isEqualTo(1));
                assertThat(count(db, "SELECT count(*) FROM audit_entry WHERE aggregate_id = ? AND to_state = 'ACCEPTED'", quoteId))
                        .as("one ACCEPTED transition of %s", quoteId).isEqualTo(1);
                assertThat(count(db, "SELECT count(*) FROM quote_snapshot WHERE quote_id = ?", quoteId)).as("one snapshot of %s", quoteId)
                        .isEqualTo(1);
                assertThat(count(db, "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = 'QuoteAccepted'", quoteId))
                        .as("one QuoteAccepted event of %s", quoteId).isEqualTo(1);
            }
        }
        awaitOutboxDrained();
    }

    /** Every event the commands wrote is published once PostgreSQL is back (the relay lost nothing). */
    private void awaitOutboxDrained() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long pending;
        do {
            try (Connection db = quoteDatabase()) {
                pending = count(db, "SELECT count(*) FROM outbox_event WHERE tenant_id = ? AND status <> 'SENT'", tenant.tenant);
            }
            if (pending == 0) {
                return;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError(pending + " events of the tenant were not published within 60 s of PostgreSQL's return");
    }

    private static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String text(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Connection quoteDatabase() throws Exception {
        String password = System.getenv("CPQ_QUOTE_DB_PASSWORD");
        assertThat(password).as("CPQ_QUOTE_DB_PASSWORD (exported by deploy/cpq test)").isNotBlank();
        return DriverManager.getConnection(RealServices.postgres().url(), "quote", password);
    }
}
