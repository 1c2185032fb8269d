package dev.cpq.tests.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * HTTP load from {@code clients} threads, for a warm-up and then a measured period: closed loop (each
 * client sends its next request as soon as the previous answered) or paced (open loop at a given rate).
 * Latencies are kept per client (no shared structure on the hot path) and merged afterwards.
 */
final class HttpLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Result(String name, int clients, long requests, long errors, double seconds, long[] sortedNanos, String firstError) {

        double throughput() {
            return requests / seconds;
        }

        double quantileMillis(double q) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(q * sortedNanos.length) - 1));
            return sortedNanos[i] / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "%-46s clients=%-3d %8.0f req/s  p50=%7.2f ms  p99=%7.2f ms  n=%-7d errors=%d", name, clients,
                    throughput(), quantileMillis(0.50), quantileMillis(0.99), requests, errors);
        }
    }

    private HttpLoad() {}

    /** The steps of a capacity search and the highest offered rate that met the latency objective. */
    record Capacity(String name, double sloMillis, List<Result> steps, Result best) {

        double throughput() {
            return best == null ? 0 : best.throughput();
        }

        String lines() {
            StringBuilder b = new StringBuilder();
            for (Result r : steps) {
                b.append("    ").append(r.line()).append(r == best ? "   <- highest meeting p99 < " + sloMillis + " ms" : "").append('\n');
            }
            return b.toString();
        }
    }

    /**
     * Raises the offered rate step by step (x{@code factor}) across {@code clients} paced clients until
     * p99 exceeds {@code sloMillis} or the service no longer keeps up (confirmed by a second try of the
     * same rate), then bisects twice; the answer is the highest rate that met the objective.
     */
    static Capacity capacityAtSlo(String name, int clients, double sloMillis, double startRate, double factor, Duration step,
            IntFunction<HttpRequest> request) throws InterruptedException {
        List<Result> steps = new ArrayList<>();
        Result best = null;
        double failedAt = 0;
        for (double rate = startRate; ; rate *= factor) {
            Result r = step(name, clients, rate, step, request, steps);
            // one pause (a collection, a rebalance) can spoil a short step: a miss is confirmed once
            if (!meets(r, rate, sloMillis)) {
                r = step(name, clients, rate, step, request, steps);
            }
            if (!meets(r, rate, sloMillis)) {
                failedAt = rate;
                break;
            }
            best = r;
        }
        // two bisections between the last rate that met the objective and the first that did not
        double low = best == null ? 0 : failedAt / factor;
        double high = failedAt;
        for (int i = 0; i < 2 && best != null; i++) {
            double rate = (low + high) / 2;
            Result r = step(name, clients, rate, step, request, steps);
            if (meets(r, rate, sloMillis)) {
                best = r;
                low = rate;
            } else {
                high = rate;
            }
        }
        return new Capacity(name, sloMillis, steps, best);
    }

    private static Result step(String name, int clients, double rate, Duration step, IntFunction<HttpRequest> request, List<Result> steps)
            throws InterruptedException {
        Result r = paced(String.format(Locale.ROOT, "%s @ %.0f/s", name, rate), clients, rate, Duration.ofSeconds(1), step, request);
        steps.add(r);
        System.out.println("    " + r.line());
        return r;
    }

    /** No errors, p99 under the objective, and the service kept up with the offered rate. */
    private static boolean meets(Result r, double rate, double sloMillis) {
        return r.errors() == 0 && r.throughput() >= 0.95 * rate && r.quantileMillis(0.99) < sloMillis;
    }

    /** @param request the i-th client's next request (clients rotate through their own ids, tokens, ...) */
    static Result run(String name, int clients, Duration warmup, Duration measure, IntFunction<HttpRequest> request) throws InterruptedException {
        // closed loop: the next request is due the moment the previous answer arrived
        return drive(name, clients, warmup, measure, request, (client, i, previousDone) -> previousDone);
    }

    /**
     * Open-loop load: each client sends on its own schedule (together {@code rate} requests a second),
     * and latency counts from the scheduled send time, so a slow answer that delays the next send is
     * charged to the service rather than hidden (no coordinated omission).
     */
    static Result paced(String name, int clients, double rate, Duration warmup, Duration measure, IntFunction<HttpRequest> request)
            throws InterruptedException {
        long interval = (long) (clients * 1e9 / rate);
        long origin = System.nanoTime() + 50_000_000L;
        // clients spread over one interval, then one request per interval each
        return drive(name, clients, warmup, measure, request, (client, i, previousDone) -> origin + client * interval / clients + i * interval);
    }

    /** When a client's i-th request is due, given when its previous one finished (nanoTime). */
    private interface Schedule {
        long due(int client, int i, long previousDone);
    }

    private static Result drive(String name, int clients, Duration warmup, Duration measure, IntFunction<HttpRequest> request,
            Schedule schedule) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        long[] window = new long[3];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 12];
                int n = 0;
                try {
                    start.await();
                    long previousDone = window[0];
                    for (int i = 0; ; i++) {
                        long due = Math.max(window[0], schedule.due(client, i, previousDone));
                        if (due >= window[2]) {
                            break;
                        }
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        HttpResponse<String> response = HTTP.send(request.apply(client * 1_000_003 + i), HttpResponse.BodyHandlers.ofString());
                        previousDone = System.nanoTime();
                        if (due < window[1]) {
                            continue; // warm-up
                        }
                        if (response.statusCode() >= 300) {
                            if (errors.getAndIncrement() == 0) {
                                firstError[0] = response.statusCode() + " " + response.body();
                            }
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        // from when it was due: a late send is charged to the service (no coordinated omission)
                        mine[n++] = previousDone - due;
                    }
                } catch (Exception e) {
                    if (errors.getAndIncrement() == 0) {
                        firstError[0] = e.toString();
                    }
                } finally {
                    latencies[client] = mine;
                    counts[client] = n;
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        window[0] = System.nanoTime() + 50_000_000L;
        window[1] = window[0] + warmup.toNanos();
        window[2] = window[1] + measure.toNanos();
        start.countDown();
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, clients, total, errors.get(), measure.toNanos() / 1e9, all, firstError[0]);
    }
}
