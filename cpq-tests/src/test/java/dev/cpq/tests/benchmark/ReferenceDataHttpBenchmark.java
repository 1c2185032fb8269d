package dev.cpq.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.CatalogAdministration;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.PricingAdministration;
import dev.cpq.tests.support.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * HTTP load on loopback against the deployed services, cached and uncached side by side on the same
 * data, 50 clients: first saturation (closed loop: each client sends as soon as it has its answer),
 * then capacity at the latency objective (open loop: the offered rate rises step by step until p99
 * reaches 20 ms or the service falls behind; the highest rate that met it counts). "Uncached" is an
 * operator's {@code Cache-Control: no-cache}, which sends every read of the request to PostgreSQL;
 * both modes use the same token, roles and payloads. Prints the figures and writes them to
 * {@code $CPQ_REPORTS_DIR/http-benchmark.txt}. Targets (issue 6): cached reads >= 3x the uncached
 * throughput at p99 < 20 ms; warm price calculations >= 2x uncached.
 */
class ReferenceDataHttpBenchmark {

    private static final int CLIENTS = Integer.getInteger("cpq.bench.clients", 50);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("cpq.bench.warmup-seconds", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("cpq.bench.seconds", 15));
    /** Which scenarios run: {@code reads}, {@code prices} or both (default). */
    private static final String SCENARIOS = System.getProperty("cpq.bench.scenarios", "reads,prices");
    private static final double SLO_MILLIS = 20;
    private static final double START_RATE = Double.parseDouble(System.getProperty("cpq.bench.start-rate", "200"));
    private static final double STEP_FACTOR = 1.25;
    private static final Duration STEP = Duration.ofSeconds(Long.getLong("cpq.bench.step-seconds", 4));
    private static final String[] OFFERINGS = {"fiber-500", "fiber-1g", "fiber-10g", "dsl-100", "mobile-s", "mobile-m", "mobile-l",
        "data-sim", "tv-basic", "tv-plus", "tv-premium", "tv-streaming"};

    private final String tenant = TestTokens.uniqueTenant("bench");
    private final List<String> tokens = new ArrayList<>();
    private long catalogVersion;
    private final java.util.concurrent.atomic.AtomicInteger freshInputs = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void cachedAgainstUncachedReadsAndPriceCalculationsOnTheSameData() throws Exception {
        CatalogAdministration catalog = new CatalogAdministration(tenant);
        long version = catalog.openDraft();
        for (String id : OFFERINGS) {
            catalog.putInternetOffering(version, id, "Offering " + id);
        }
        catalog.publish(version);
        catalog.awaitPointer(version);
        catalogVersion = version;
        PricingAdministration pricing = new PricingAdministration(tenant);
        long priceListVersion = pricing.openDraft("standard", null);
        for (int i = 0; i < OFFERINGS.length; i++) {
            pricing.putEurPrice("standard", priceListVersion, OFFERINGS[i], (10 + i) + ".00", (20 + i) + ".90");
        }
        pricing.published("standard", priceListVersion);
        pricing.approvalPolicy("[{\"role\":\"SALES_AGENT\",\"maxDiscountPercent\":10},{\"role\":\"SALES_MANAGER\",\"maxDiscountPercent\":25}]");
        for (int c = 0; c < CLIENTS; c++) {
            tokens.add(TestTokens.token(tenant, Duration.ofHours(1), "SALES_AGENT", "OPERATOR"));
        }

        // a freshly started server compiles its hot paths for a while: warm every path first, unmeasured
        HttpLoad.run("warm-up", CLIENTS, Duration.ZERO, Duration.ofSeconds(Long.getLong("cpq.bench.jit-warmup-seconds", 20)),
                i -> switch (Math.floorMod(i, 4)) {
                    case 0 -> offeringRead(i, false);
                    case 1 -> offeringRead(i, true);
                    case 2 -> calculation(i, false, false);
                    default -> calculation(i, true, false);
                });
        List<HttpLoad.Result> saturation = new ArrayList<>();
        List<HttpLoad.Capacity> capacities = new ArrayList<>();
        StringBuilder verdicts = new StringBuilder();
        if (SCENARIOS.contains("reads")) {
            HttpLoad.Result cached = load("GET /catalog/api/offerings/{id}  cached", i -> offeringRead(i, false));
            HttpLoad.Result uncached = load("GET /catalog/api/offerings/{id}  uncached", i -> offeringRead(i, true));
            HttpLoad.Capacity cachedCapacity = capacity("GET offering cached", i -> offeringRead(i, false));
            HttpLoad.Capacity uncachedCapacity = capacity("GET offering uncached", i -> offeringRead(i, true));
            saturation.addAll(List.of(cached, uncached));
            capacities.addAll(List.of(cachedCapacity, uncachedCapacity));
            verdicts.append(String.format(Locale.ROOT, "  offering read: capacity cached/uncached = %.2fx (target >= 3x; cached p99 < 20 ms at %.0f req/s);"
                    + " saturation cached/uncached = %.2fx%n", cachedCapacity.throughput() / uncachedCapacity.throughput(),
                    cachedCapacity.throughput(), cached.throughput() / uncached.throughput()));
        }
        if (SCENARIOS.contains("prices")) {
            HttpLoad.Result cached = load("POST /pricing/api/price-calculations  cached", i -> calculation(i, false, false));
            HttpLoad.Result uncached = load("POST /pricing/api/price-calculations  uncached", i -> calculation(i, true, false));
            HttpLoad.Result cachedFresh = load("POST price-calculations new input  cached", i -> calculation(i, false, true));
            HttpLoad.Result uncachedFresh = load("POST price-calculations new input  uncached", i -> calculation(i, true, true));
            HttpLoad.Capacity cachedCapacity = capacity("POST price-calculation cached", i -> calculation(i, false, false));
            HttpLoad.Capacity uncachedCapacity = capacity("POST price-calculation uncached", i -> calculation(i, true, false));
            saturation.addAll(List.of(cached, uncached, cachedFresh, uncachedFresh));
            capacities.addAll(List.of(cachedCapacity, uncachedCapacity));
            verdicts.append(String.format(Locale.ROOT, "  price calculation: capacity cached/uncached = %.2fx, saturation cached/uncached = %.2fx"
                    + " (target >= 2x); new inputs (a result stored per request) saturation cached/uncached = %.2fx%n",
                    cachedCapacity.throughput() / uncachedCapacity.throughput(), cached.throughput() / uncached.throughput(),
                    cachedFresh.throughput() / uncachedFresh.throughput()));
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "HTTP benchmark on loopback, %d cores, %d clients, same tenant, data and token roles in both modes%n",
                Runtime.getRuntime().availableProcessors(), CLIENTS));
        out.append(String.format(Locale.ROOT, "Saturation (closed loop, warm-up %d s, measured %d s):%n", WARMUP.toSeconds(), MEASURE.toSeconds()));
        saturation.forEach(r -> out.append("  ").append(r.line()).append('\n'));
        out.append(String.format(Locale.ROOT, "Capacity at p99 < %.0f ms (open loop, paced, latency from the scheduled send; steps x%.2f, then two bisections):%n",
                SLO_MILLIS, STEP_FACTOR));
        for (HttpLoad.Capacity c : capacities) {
            out.append("  ").append(c.name()).append('\n').append(c.lines());
        }
        out.append(verdicts);
        report(out.toString());

        for (HttpLoad.Result r : saturation) {
            assertThat(r.errors()).as("%s: first error %s", r.name(), r.firstError()).isZero();
            assertThat(r.requests()).as(r.name()).isPositive();
        }
    }

    private static HttpLoad.Capacity capacity(String name, IntFunction<HttpRequest> request) throws InterruptedException {
        System.out.println("  capacity search: " + name);
        return HttpLoad.capacityAtSlo(name, CLIENTS, SLO_MILLIS, START_RATE, STEP_FACTOR, STEP, request);
    }

    private HttpLoad.Result load(String name, IntFunction<HttpRequest> request) throws InterruptedException {
        HttpLoad.Result r = HttpLoad.run(name, CLIENTS, WARMUP, MEASURE, request);
        System.out.println("  " + r.line());
        return r;
    }

    private HttpRequest offeringRead(int i, boolean uncached) {
        int client = i / 1_000_003;
        var b = HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/offerings/" + OFFERINGS[Math.floorMod(i, OFFERINGS.length)]))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(client % tokens.size()))
                .GET();
        if (uncached) {
            b.header("Cache-Control", "no-cache");
        }
        return b.build();
    }

    /**
     * A seller's calculation: one of 36 recurring inputs (12 offerings x 3 quantities), or with
     * {@code freshInput} a discount no one asked before, so a new result is stored every time.
     */
    private HttpRequest calculation(int i, boolean uncached, boolean freshInput) {
        int client = i / 1_000_003;
        String offering = OFFERINGS[Math.floorMod(i, OFFERINGS.length)];
        int quantity = 1 + Math.floorMod(i / OFFERINGS.length, 3);
        String discount = "5";
        if (freshInput) {
            // a combination nobody priced before in this run (the counter spans both modes)
            int n = freshInputs.getAndIncrement();
            quantity = 1 + n / 1000;
            discount = String.format(Locale.ROOT, "%d.%02d", (n % 1000) / 100, n % 100);
        }
        String body = "{\"priceListId\":\"standard\",\"catalogVersion\":" + catalogVersion + ",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\","
                + "\"lines\":[{\"offeringId\":\"" + offering + "\",\"options\":{\"speed\":\"1G\"},\"quantity\":" + quantity
                + ",\"termMonths\":24,\"discountPercent\":" + discount + "},{\"offeringId\":\"fiber-500\",\"options\":{},"
                + "\"quantity\":1,\"termMonths\":12,\"discountPercent\":0}]}";
        var b = HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/pricing/api/price-calculations"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(client % tokens.size()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (uncached) {
            b.header("Cache-Control", "no-cache");
        }
        return b.build();
    }

    private static void report(String text) throws IOException {
        System.out.print(text);
        String dir = System.getenv("CPQ_REPORTS_DIR");
        if (dir != null && !dir.isBlank()) {
            Path file = Path.of(dir, "http-benchmark.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            System.out.println("  report: " + file);
        }
    }
}
