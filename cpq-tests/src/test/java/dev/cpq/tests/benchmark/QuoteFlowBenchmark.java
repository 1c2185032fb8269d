package dev.cpq.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.SuiteMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The whole quote flow over HTTP, as sales agents drive it: create -> lines -> price -> submit -> accept,
 * 20 clients in a closed loop for 60 s (after a warm-up). Prints flows per second, p50/p99 per step, and
 * where the quote service spent its time, from its own metrics: waiting for catalog and pricing
 * ({@code cpq_remote_calls_seconds}), in Redis ({@code cpq_redis_commands_seconds}), and the rest of its
 * request time ({@code cpq_http_server_requests_seconds}: PostgreSQL and its own work). Target (issue 7):
 * submit p99 under 100 ms. Report: {@code $CPQ_REPORTS_DIR/quote-flow-benchmark.txt}.
 */
class QuoteFlowBenchmark {

    private static final int CLIENTS = Integer.getInteger("cpq.bench.quote-clients", 20);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("cpq.bench.quote-warmup-seconds", 300));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("cpq.bench.quote-seconds", 60));
    private static final String[] STEPS = {"create", "lines", "price", "submit", "accept"};

    @Test
    void twentyAgentsDriveTheWholeQuoteFlowForAMinute() throws Exception {
        QuotingTenant tenant = new QuotingTenant();
        // unmeasured: the same load first. On two cores, with the load running, the JIT needs minutes to
        // compile GlassFish's and the services' paths; a freshly deployed server measured after 10 s ran at
        // two thirds of its steady throughput.
        run(tenant, WARMUP);
        double[] before = serverSeconds();
        Flows flows = run(tenant, MEASURE);
        double[] after = serverSeconds();

        double server = after[0] - before[0];
        double remote = after[1] - before[1];
        double redis = after[2] - before[2];
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Quote flow benchmark: %d clients, closed loop, %d s measured after a %d s warm-up, loopback, %d cores%n",
                CLIENTS, MEASURE.toSeconds(), WARMUP.toSeconds(), Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "  flows completed: %d (%.1f flows/s), failed steps: %d%s%n", flows.completed.get(),
                flows.completed.get() / (double) MEASURE.toSeconds(), flows.errors.get(), flows.firstError == null ? "" : " (first: " + flows.firstError + ")"));
        for (int s = 0; s < STEPS.length; s++) {
            out.append(String.format(Locale.ROOT, "  %-7s n=%-6d p50=%7.2f ms  p90=%7.2f ms  p99=%7.2f ms  max=%7.2f ms%n", STEPS[s], flows.count(s),
                    flows.quantileMillis(s, 0.50), flows.quantileMillis(s, 0.90), flows.quantileMillis(s, 0.99), flows.quantileMillis(s, 1.0)));
        }
        out.append(String.format(Locale.ROOT, "  quote-service time: %.1f s in requests; waiting for catalog/pricing %.1f %%, in Redis %.1f %%,"
                + " PostgreSQL and its own work %.1f %%%n", server, 100 * remote / server, 100 * redis / server, 100 * (server - remote - redis) / server));
        out.append(String.format(Locale.ROOT, "  submit p99 = %.2f ms (target < 100 ms)%n", flows.quantileMillis(3, 0.99)));
        report(out.toString());

        assertThat(flows.errors.get()).as("failed steps; first: %s", flows.firstError).isZero();
        assertThat(flows.completed.get()).isPositive();
    }

    /** Latencies per step, per client; merged at the end. */
    private static final class Flows {
        final long[][][] latencies = new long[CLIENTS][STEPS.length][];
        final int[][] counts = new int[CLIENTS][STEPS.length];
        final AtomicLong completed = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        volatile String firstError;

        int count(int step) {
            return Arrays.stream(counts).mapToInt(c -> c[step]).sum();
        }

        double quantileMillis(int step, double q) {
            long[] all = new long[count(step)];
            int at = 0;
            for (int c = 0; c < CLIENTS; c++) {
                System.arraycopy(latencies[c][step], 0, all, at, counts[c][step]);
                at += counts[c][step];
            }
            if (all.length == 0) {
                return Double.NaN;
            }
            Arrays.sort(all);
            return all[(int) Math.min(all.length - 1, Math.max(0, Math.ceil(q * all.length) - 1))] / 1e6;
        }
    }

    private static Flows run(QuotingTenant tenant, Duration period) throws InterruptedException {
        Flows flows = new Flows();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(CLIENTS);
        long[] until = new long[1];
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int s = 0; s < STEPS.length; s++) {
                    flows.latencies[client][s] = new long[1 << 10];
                }
                try {
                    start.await();
                    while (System.nanoTime() < until[0]) {
                        flow(tenant, flows, client);
                    }
                } catch (Exception e) {
                    error(flows, e.toString());
                } finally {
                    done.countDown();
                }
            }, "quote-flow-" + c);
            t.setDaemon(true);
            t.start();
        }
        until[0] = System.nanoTime() + period.toNanos();
        start.countDown();
        done.await();
        return flows;
    }

    private static void flow(QuotingTenant tenant, Flows flows, int client) {
        long t0 = System.nanoTime();
        QuoteDesk quote = tenant.newQuote();
        record(flows, client, 0, t0);
        Reply[] replies = new Reply[1];
        if (!step(flows, client, 1, () -> replies[0] = quote.replaceLines(QuoteDesk.fiberLine(1 + client % 5, "5")))
                || !step(flows, client, 2, () -> replies[0] = quote.price())
                || !step(flows, client, 3, () -> replies[0] = quote.submit())) {
            return;
        }
        // the submit answer is the quote as it now stands: a UI accepts from it without reading it again
        var approved = replies[0].json();
        String revision = approved.get("revisionId").asText();
        String price = approved.get("priceResultId").asText();
        if (step(flows, client, 4, () -> replies[0] = quote.accept(revision, price, "accept-" + UUID.randomUUID()))) {
            flows.completed.incrementAndGet();
        }
    }

    private static boolean step(Flows flows, int client, int step, java.util.function.Supplier<Reply> call) {
        long t0 = System.nanoTime();
        Reply r = call.get();
        if (r.status() >= 300) {
            error(flows, STEPS[step] + " " + r.status() + " " + r.body());
            return false;
        }
        record(flows, client, step, t0);
        return true;
    }

    private static void record(Flows flows, int client, int step, long t0) {
        long nanos = System.nanoTime() - t0;
        int n = flows.counts[client][step];
        if (n == flows.latencies[client][step].length) {
            flows.latencies[client][step] = Arrays.copyOf(flows.latencies[client][step], n * 2);
        }
        flows.latencies[client][step][n] = nanos;
        flows.counts[client][step] = n + 1;
    }

    private static void error(Flows flows, String what) {
        if (flows.errors.getAndIncrement() == 0) {
            flows.firstError = what.length() > 300 ? what.substring(0, 300) : what;
        }
    }

    /** Seconds the quote service spent in requests, waiting for remote calls, and in Redis, so far. */
    private static double[] serverSeconds() {
        return new double[] {SuiteMetrics.sum("quote", "cpq_http_server_requests_seconds_sum"),
            SuiteMetrics.sum("quote", "cpq_remote_calls_seconds_sum"), SuiteMetrics.sum("quote", "cpq_redis_commands_seconds_sum")};
    }

    private static void report(String text) throws IOException {
        System.out.print(text);
        String dir = System.getenv("CPQ_REPORTS_DIR");
        if (dir != null && !dir.isBlank()) {
            Path file = Path.of(dir, "quote-flow-benchmark.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            System.out.println("  report: " + file);
        }
    }
}
