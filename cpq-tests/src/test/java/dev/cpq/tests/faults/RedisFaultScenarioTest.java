package dev.cpq.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.events.cache.CatalogCacheKeys;
import dev.cpq.testing.RealServices;
import dev.cpq.testing.ServiceControl;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Redis down (stopped) and hung (SIGSTOP) while the deployed suite serves cached reads and quote
 * commands. The invariant: PostgreSQL is the authority, Redis only a copy, so every read answers the
 * database's data within a bound, and every command (create, lines, price, submit) either completes
 * correctly or fails fast with its stable code; never a 500, never a hang. Once Redis is back the reads
 * fill and use the cache again. Every test restores Redis in a finally block.
 *
 * <p>Bounds: a read answers within {@link #READ_BOUND}, a command within {@link #COMMAND_BOUND}
 * (the suite's Redis timeout is 250 ms and its breaker then answers at once).
 */
class RedisFaultScenarioTest {

    static final Duration READ_BOUND = Duration.ofSeconds(3);
    static final Duration COMMAND_BOUND = Duration.ofSeconds(5);

    private final QuotingTenant tenant = new QuotingTenant();
    private final ExecutorService clients = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "client");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void close() {
        clients.shutdownNow();
    }

    @Test
    void withRedisStoppedReadsAnswerFromPostgresQuoteCommandsCompleteAndTheCacheServesAgainOnceItIsBack() throws Exception {
        JsonNode expected = readOffering(); // warm: the answer the database gives
        try (var outage = ServiceControl.stopped("redis")) {
            assertReadsAnswerTheDatabaseWithinTheBound(expected);
            aQuoteGoesThroughItsCommandsCorrectlyOrFailsFastWithAStableCode();
        }
        cacheServesAgainOnceRedisIsBack(expected);
    }

    @Test
    void withRedisHungReadsAnswerFromPostgresQuoteCommandsCompleteAndTheCacheServesAgainOnceItIsBack() throws Exception {
        JsonNode expected = readOffering();
        try (var hang = ServiceControl.paused("redis")) {
            assertReadsAnswerTheDatabaseWithinTheBound(expected);
            aQuoteGoesThroughItsCommandsCorrectlyOrFailsFastWithAStableCode();
        }
        cacheServesAgainOnceRedisIsBack(expected);
    }

    /**
     * Item 4 on the deployed catalog: Redis answers reads but hangs on writes ({@code CLIENT PAUSE WRITE}),
     * so concurrent readers of a key nobody read yet miss, and their leader's lease times out between the
     * miss and the fill. Every reader answers from PostgreSQL within the bound.
     */
    @Test
    void concurrentReadersOfAnUncachedKeyAllAnswerWhileRedisHangsBetweenTheMissAndTheLease() throws Exception {
        String list = "/catalog/api/offerings?family=internet";
        try (Jedis admin = admin()) {
            try {
                admin.clientPause(60_000, redis.clients.jedis.args.ClientPauseMode.WRITE);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Reply>> readers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    readers.add(clients.submit(() -> {
                        start.await();
                        return DeployedSuite.get(list, tenant.agent());
                    }));
                }
                start.countDown();
                long deadline = System.nanoTime() + READ_BOUND.multipliedBy(2).toNanos();
                for (Future<Reply> reader : readers) {
                    Reply r = within(reader, deadline, "a reader of the offering list while Redis hangs");
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    assertThat(r.json().get("catalogVersion").asLong()).isEqualTo(tenant.catalogVersion);
                }
                // the same key again, after the first wave: nothing is left waiting on a dead flight
                Reply again = timed(() -> DeployedSuite.get(list, tenant.agent()), READ_BOUND, "a later read of the same key");
                assertThat(again.status()).as(again.body()).isEqualTo(200);
            } finally {
                admin.clientUnpause();
            }
        }
        DeployedSuite.awaitHealthy();
        Reply after = timed(() -> DeployedSuite.get(list, tenant.agent()), READ_BOUND, "a read once Redis is back");
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        String key = CatalogCacheKeys.offeringList(tenant.tenant, tenant.catalogVersion, "internet").value();
        awaitCached(key);
    }

    /** Item 17 end to end: Redis answers OOM to every write; requests answer normally, never 500. */
    @Test
    void whileRedisAnswersOutOfMemoryReadsAndCommandsAnswerNormally() throws Exception {
        JsonNode expected = readOffering();
        try (Jedis admin = admin()) {
            Map<String, String> before = Map.of("maxmemory", admin.configGet("maxmemory").get("maxmemory"),
                    "maxmemory-policy", admin.configGet("maxmemory-policy").get("maxmemory-policy"));
            try {
                admin.configSet("maxmemory-policy", "noeviction");
                admin.configSet("maxmemory", "1");
                // a key nobody read yet: the miss cannot lease in Redis and answers from PostgreSQL
                Reply list = timed(() -> DeployedSuite.get("/catalog/api/offerings", tenant.agent()), READ_BOUND, "a read under OOM");
                assertThat(list.status()).as(list.body()).isEqualTo(200);
                assertReadsAnswerTheDatabaseWithinTheBound(expected);
                aQuoteGoesThroughItsCommandsCorrectlyOrFailsFastWithAStableCode();
            } finally {
                admin.configSet("maxmemory", before.get("maxmemory"));
                admin.configSet("maxmemory-policy", before.get("maxmemory-policy"));
            }
        }
        cacheServesAgainOnceRedisIsBack(expected);
    }

    /**
     * An operator flushes while Redis is stopped, then while it hangs: a stable 503 (retry once Redis is
     * back), never a 500; the pointer report still answers, naming Redis as unavailable.
     */
    @Test
    void anOperatorsFlushWhileRedisIsDownOrHungIsRefusedWithAStableCodeAndThePointerReportStillAnswers() throws Exception {
        String operator = TestTokens.token(tenant.tenant, "OPERATOR");
        try (var outage = ServiceControl.stopped("redis")) {
            assertFlushRefusedAndPointersReported(operator);
        }
        DeployedSuite.awaitHealthy();
        try (var hang = ServiceControl.paused("redis")) {
            assertFlushRefusedAndPointersReported(operator);
        }
        DeployedSuite.awaitHealthy();
    }

    private void assertFlushRefusedAndPointersReported(String operator) throws Exception {
        Reply flushed = timed(() -> DeployedSuite.call("POST", "/catalog/api/ops/cache/flush", operator, "{\"domain\":\"catalog\"}"),
                COMMAND_BOUND, "a flush while Redis is unavailable");
        assertThat(flushed.status()).as(flushed.body()).isEqualTo(503);
        assertThat(flushed.json().path("code").asText()).as(flushed.body()).isEqualTo("CACHE_UNAVAILABLE");
        assertThat(flushed.body()).as("no host, port or Java type in the answer").doesNotContain("127.0.0.1", "Exception");
        Reply pointers = timed(() -> DeployedSuite.get("/catalog/api/ops/cache/pointers", operator), COMMAND_BOUND, "the pointer report");
        assertThat(pointers.status()).as(pointers.body()).isEqualTo(200);
        assertThat(pointers.json().findValuesAsText("state")).as(pointers.body()).isNotEmpty().containsOnly("REDIS_UNAVAILABLE");
    }

    /**
     * The idempotency copy in Redis under faults: retries of a created quote are replayed from PostgreSQL
     * while Redis hangs or is read-only (the copy cannot be written), within the bound; the same key with
     * another body is still refused, and nothing is created twice.
     */
    @Test
    void retriesOfAQuoteCreationAreReplayedWhileRedisHangsOrIsReadOnlyAndAnotherBodyIsStillRefused() throws Exception {
        String key = "q-" + java.util.UUID.randomUUID();
        String body = "{\"customerId\":\"cust-fault\",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"priceListId\":\"standard\"}";
        Reply first = createQuote(key, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String quoteId = first.json().get("quoteId").asText();
        assertThat(createQuote(key, body).header("Idempotent-Replayed")).as("a replay, now copied to Redis").hasValue("true");

        try (var hang = ServiceControl.paused("redis")) {
            assertReplayedAndOtherBodyRefused(key, body, quoteId);
        }
        DeployedSuite.awaitHealthy();
        try (Jedis admin = admin()) {
            try {
                admin.replicaof("127.0.0.1", 1); // a master that does not exist: Redis answers READONLY to writes
                assertReplayedAndOtherBodyRefused(key, body, quoteId);
            } finally {
                admin.replicaofNoOne();
            }
        }
        DeployedSuite.awaitHealthy();
        assertReplayedAndOtherBodyRefused(key, body, quoteId);
    }

    private void assertReplayedAndOtherBodyRefused(String key, String body, String quoteId) throws Exception {
        Reply retry = timed(() -> createQuote(key, body), COMMAND_BOUND, "a retry of a created quote");
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json().get("quoteId").asText()).as("the same quote, not a second one").isEqualTo(quoteId);
        Reply other = timed(() -> createQuote(key, body.replace("cust-fault", "cust-other")), COMMAND_BOUND, "the key with another body");
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    private Reply createQuote(String key, String body) {
        return DeployedSuite.call("POST", "/quote/api/quotes", tenant.agent(), body, "Idempotency-Key", key);
    }

    private JsonNode readOffering() {
        Reply r = DeployedSuite.get("/catalog/api/offerings/fiber-1g", tenant.agent());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private void assertReadsAnswerTheDatabaseWithinTheBound(JsonNode expected) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            readers.add(clients.submit(() -> {
                start.await();
                return DeployedSuite.get("/catalog/api/offerings/fiber-1g", tenant.agent());
            }));
        }
        start.countDown();
        long deadline = System.nanoTime() + READ_BOUND.multipliedBy(2).toNanos();
        for (Future<Reply> reader : readers) {
            Reply r = within(reader, deadline, "a concurrent read of an offering");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json()).as("the database's answer").isEqualTo(expected);
        }
    }

    /**
     * Create, lines, price, submit: each completes (the quote ends APPROVED on the database's versions)
     * or fails fast with a stable 503 code and leaves the quote where it was.
     */
    private void aQuoteGoesThroughItsCommandsCorrectlyOrFailsFastWithAStableCode() throws Exception {
        QuoteDesk quote = timed(tenant::newQuote, COMMAND_BOUND, "create a quote");
        Reply lines = timed(() -> quote.replaceLines(QuoteDesk.fiberLine(2, "0")), COMMAND_BOUND, "replace the lines");
        assertCompletedOrFailedFast(lines);
        assertThat(lines.status()).as("lines are checked against catalog's database: %s", lines.body()).isEqualTo(200);
        assertThat(lines.json().get("catalogVersion").asLong()).isEqualTo(tenant.catalogVersion);
        Reply priced = timed(quote::price, COMMAND_BOUND, "price the quote");
        assertCompletedOrFailedFast(priced);
        if (priced.status() != 200) {
            assertThat(quote.read().get("status").asText()).as("a failed price moves nothing").isEqualTo("DRAFT");
            return;
        }
        assertThat(priced.json().get("priceListVersion").asLong()).isEqualTo(1);
        Reply submitted = timed(quote::submit, COMMAND_BOUND, "submit the quote");
        assertCompletedOrFailedFast(submitted);
        JsonNode after = quote.read();
        if (submitted.status() == 200) {
            assertThat(after.get("status").asText()).as("no discount: approved without approval").isEqualTo("APPROVED");
        } else {
            assertThat(after.get("status").asText()).as("a failed submit moves nothing").isEqualTo("PRICED");
        }
    }

    private static void assertCompletedOrFailedFast(Reply reply) {
        assertThat(reply.status()).as("never a server error: %s", reply.body()).isNotEqualTo(500);
        if (reply.status() >= 300) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            assertThat(reply.json().path("code").asText()).as("a stable code: %s", reply.body()).isNotBlank();
        }
    }

    private void cacheServesAgainOnceRedisIsBack(JsonNode expected) {
        DeployedSuite.awaitHealthy();
        String key = CatalogCacheKeys.offeringDetail(tenant.tenant, tenant.catalogVersion, "fiber-1g").value();
        try (Jedis admin = admin()) {
            admin.del(key); // whatever was cached before the fault: the next read must fill it again
        }
        assertThat(readOffering()).isEqualTo(expected);
        awaitCached(key);
        assertThat(readOffering()).as("served from the cache again").isEqualTo(expected);
    }

    /** The breaker may still be half-open right after the outage: a few reads, bounded, until one fills. */
    private void awaitCached(String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Jedis admin = admin()) {
            while (!admin.exists(key)) {
                assertThat(System.nanoTime()).as("%s cached again within 30 s of Redis' return", key).isLessThan(deadline);
                DeployedSuite.get("/catalog/api/offerings/fiber-1g", tenant.agent());
                DeployedSuite.get("/catalog/api/offerings?family=internet", tenant.agent());
            }
        }
    }

    private static Jedis admin() {
        var redis = RealServices.redis();
        return new Jedis(redis.host(), redis.port());
    }

    private <T> T timed(Supplier<T> call, Duration bound, String what) throws Exception {
        Future<T> f = clients.submit((Callable<T>) call::get);
        return within(f, System.nanoTime() + bound.toNanos(), what);
    }

    private static <T> T within(Future<T> f, long deadlineNanos, String what) throws Exception {
        try {
            return f.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(what + " did not answer within its bound", e);
        }
    }
}
