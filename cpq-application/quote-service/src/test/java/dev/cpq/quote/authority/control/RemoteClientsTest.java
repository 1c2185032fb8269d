package dev.cpq.quote.authority.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cpq.platform.remote.control.ServiceClient;
import dev.cpq.platform.remote.control.TestServiceClients;
import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.quote.authority.entity.ApprovalPolicy;
import dev.cpq.quote.authority.entity.ConfigurationChoice;
import dev.cpq.quote.authority.entity.ConfigurationVerdict;
import dev.cpq.quote.authority.entity.LinesVerdict;
import dev.cpq.quote.authority.entity.PriceRequest;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.platform.remote.entity.RemoteProblemException;
import dev.cpq.platform.remote.entity.RemoteServiceUnavailableException;
import dev.cpq.quote.authority.entity.ServiceLocations;
import dev.cpq.quote.authority.entity.StalenessPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog and pricing clients against a local HTTP server standing in for both services. */
class RemoteClientsTest {

    private HttpServer server;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final Map<String, Object[]> answers = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            seen.put("path", path);
            seen.put("method", exchange.getRequestMethod());
            seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
            seen.put("internalCall", String.valueOf(exchange.getRequestHeaders().getFirst("X-Cpq-Internal-Call")));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Object[] answer = answers.getOrDefault(path, new Object[] {404, "{}"});
            byte[] bytes = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) answer[0], bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ServiceLocations locations() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return ServiceLocations.of(base + "/catalog/api/", base + "/pricing/api");
    }

    private ServiceClient remote() {
        return TestServiceClients.forUser("Bearer abc", "req-7");
    }

    private CatalogServiceClient catalog() {
        return new CatalogServiceClient(locations(), remote());
    }

    private PricingServiceClient pricing() {
        return new PricingServiceClient(locations(), remote());
    }

    private static final String VERDICT = "{\"valid\": false, \"violations\": [{\"code\": \"OPTION_REQUIRED\", \"option\": \"speed\","
            + " \"message\": \"m\"}], \"configurationHash\": \"cfg-sha256:" + "a".repeat(64) + "\", \"catalogVersion\": 7}";

    private static List<ConfigurationChoice> oneLine() {
        return List.of(new ConfigurationChoice("fiber", Map.of("tv", "yes")));
    }

    @Test
    void linesAreValidatedInOneCallWithTheCallersTokenAndRequestId() {
        answers.put("/catalog/api/configurations/validate", new Object[] {200,
                "{\"valid\": false, \"catalogVersion\": 7, \"activeCatalogVersion\": 8, \"lines\": [" + VERDICT + "]}"});
        LinesVerdict answer = catalog().validateLines(oneLine(), 7L).get();
        assertThat(answer.catalogVersion()).isEqualTo(7);
        assertThat(answer.activeCatalogVersion()).hasValue(8);
        assertThat(answer.lines()).singleElement().satisfies(verdict -> {
            assertThat(verdict.valid()).isFalse();
            assertThat(verdict.violations()).extracting(ConfigurationVerdict.Violation::code).containsExactly("OPTION_REQUIRED");
            assertThat(verdict.catalogVersion()).isEqualTo(7);
        });
        assertThat(seen).containsEntry("authorization", "Bearer abc").containsEntry("requestId", "req-7").containsEntry("method", "POST");
        assertThat(seen.get("body")).contains("\"lines\":[{\"offeringId\":\"fiber\"").contains("\"catalogVersion\":7");
    }

    @Test
    void aCallMadeForTheRequestBeingServedCarriesItsMarkForThatRequestIdMethodAndPath() {
        answers.put("/pricing/api/price-lists/eu/active-version", new Object[] {200,
                "{\"priceListId\": \"eu\", \"priceListVersion\": 4, \"stalenessPolicy\": \"REPRICE_REQUIRED_ON_PUBLISH\", \"approvalPolicyVersion\": 2}"});
        byte[] key = new byte[32];
        var signature = new dev.cpq.platform.ratelimit.control.InternalCallSignature(java.util.Optional.of(key), java.time.Clock.systemUTC());
        ServiceClient marking = TestServiceClients.of(new dev.cpq.platform.remote.entity.OutgoingCredentials("Bearer abc", "req-9", "t1", "alice"),
                signature, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        new PricingServiceClient(locations(), marking).activePriceList("eu", 4).get();
        assertThat(seen).containsEntry("requestId", "req-9");
        assertThat(signature.verifies(seen.get("internalCall"), "GET", java.net.URI.create("http://x/pricing/api/price-lists/eu/active-version?since=4"),
                "req-9", "t1", "alice")).as("the mark binds that request id, method, path and query, tenant and subject").isTrue();

        pricing().activePriceList("eu", 4).get();
        assertThat(seen).as("no key, no mark").containsEntry("internalCall", "null");
    }

    @Test
    void withoutAnActiveVersionOrWithAVerdictMissingTheAnswerIsReadAsItIsOrUnavailable() {
        answers.put("/catalog/api/configurations/validate", new Object[] {200,
                "{\"valid\": false, \"catalogVersion\": 7, \"activeCatalogVersion\": null, \"lines\": [" + VERDICT + "]}"});
        assertThat(catalog().validateLines(oneLine(), 7L).get().activeCatalogVersion()).isEmpty();
        answers.put("/catalog/api/configurations/validate", new Object[] {200, "{\"valid\": true, \"catalogVersion\": 7, \"lines\": []}"});
        assertThatThrownBy(() -> catalog().validateLines(oneLine(), 7L).get()).isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                e -> assertThat(e.problem().getCode()).isEqualTo("CATALOG_UNAVAILABLE"));
        answers.put("/catalog/api/configurations/validate", new Object[] {500, "{}"});
        assertThatThrownBy(() -> catalog().validateLines(oneLine(), 7L).get()).isInstanceOf(RemoteServiceUnavailableException.class);
        answers.put("/catalog/api/configurations/validate", new Object[] {404, "{\"code\": \"OFFERING_NOT_FOUND\", \"detail\": \"no\"}"});
        assertThatThrownBy(() -> catalog().validateLines(oneLine(), 7L).get()).isInstanceOfSatisfying(RemoteProblemException.class,
                e -> assertThat(e.problem().getCode()).isEqualTo("OFFERING_NOT_FOUND"));
    }

    @Test
    void aPriceResultIsReadWithItsSignals() {
        answers.put("/pricing/api/price-calculations", new Object[] {201, "{\"priceResultId\": \"6f1c8a52-8a7e-4e2b-9a51-0c7d2b1f3e11\","
                + " \"priceListVersion\": 3, \"catalogVersion\": 7, \"policyVersion\": 2, \"inputHash\": \"in-sha256:x\", \"priceHash\":"
                + " \"price-sha256:" + "b".repeat(64) + "\", \"lines\": [], \"totals\": {\"netTotal\": 10.50}, \"pricedAt\": \"2026-03-01T10:00:00Z\","
                + " \"validUntil\": \"2026-03-31T10:00:00Z\", \"stalenessPolicy\": \"VALID_UNTIL_QUOTE_EXPIRY\", \"approvalSignals\":"
                + " [{\"lineIndex\": 0, \"offeringId\": \"fiber\", \"discountPercent\": 15, \"requiredRole\": \"SALES_MANAGER\","
                + " \"thresholdPercent\": 10, \"reason\": \"DISCOUNT_ABOVE_THRESHOLD\", \"approvable\": true, \"approverMaxPercent\": 20}]}"});
        PriceResult r = pricing().price(new PriceRequest("eu", 7, "EUR", "de", "web",
                List.of(new PriceRequest.Line("fiber", Map.of(), 1, 12, new BigDecimal("15")))));
        assertThat(r.priceListVersion()).isEqualTo(3);
        assertThat(r.stalenessPolicy()).isEqualTo(StalenessPolicy.VALID_UNTIL_QUOTE_EXPIRY);
        assertThat(r.totals().path("netTotal").decimalValue()).isEqualByComparingTo("10.50");
        assertThat(r.approvalSignals()).singleElement().satisfies(s -> {
            assertThat(s.requiredRole()).isEqualTo("SALES_MANAGER");
            assertThat(s.approvable()).isTrue();
        });
        assertThat(seen.get("body")).contains("\"priceListId\":\"eu\"").contains("\"discountPercent\":15");
    }

    @Test
    void pricingsRefusalsPassThroughAndA404BecomesA422() {
        answers.put("/pricing/api/price-calculations", new Object[] {409,
                "{\"code\": \"CATALOG_VERSION_STALE\", \"status\": 409, \"detail\": \"old\", \"currentVersion\": 8, \"remediation\": \"r\"}"});
        PriceRequest request = new PriceRequest("eu", 7, "EUR", "de", "web", List.of(new PriceRequest.Line("fiber", Map.of(), 1, 12, BigDecimal.ZERO)));
        assertThatThrownBy(() -> pricing().price(request)).isInstanceOfSatisfying(RemoteProblemException.class, e -> {
            assertThat(e.problem().getStatus()).isEqualTo(409);
            assertThat(e.problem().getCode()).isEqualTo("CATALOG_VERSION_STALE");
            assertThat(e.problem().getExtensions()).containsKey("currentVersion").containsKey("remediation");
        });
        answers.put("/pricing/api/price-calculations", new Object[] {404, "{\"code\": \"PRICE_LIST_NOT_FOUND\", \"detail\": \"no\"}"});
        assertThatThrownBy(() -> pricing().price(request)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().getStatus()).isEqualTo(422));
        answers.put("/pricing/api/price-calculations", new Object[] {503, "{\"code\": \"CATALOG_UNAVAILABLE\"}"});
        assertThatThrownBy(() -> pricing().price(request)).isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                e -> assertThat(e.problem().getCode()).isEqualTo("PRICING_UNAVAILABLE"));
    }

    @Test
    void activePriceListAndApprovalPolicy() {
        answers.put("/pricing/api/price-lists/eu/active-version", new Object[] {200,
                "{\"priceListId\": \"eu\", \"priceListVersion\": 4, \"stalenessPolicy\": \"REPRICE_REQUIRED_ON_PUBLISH\", \"approvalPolicyVersion\": 2}"});
        assertThat(pricing().activePriceList("eu", 4).get()).satisfies(active -> {
            assertThat(active.priceListVersion()).isEqualTo(4);
            assertThat(active.approvalPolicyVersion()).isEqualTo(2);
        });
        answers.put("/pricing/api/price-lists/eu/active-version", new Object[] {200,
                "{\"priceListId\": \"eu\", \"priceListVersion\": 4, \"stalenessPolicy\": \"REPRICE_REQUIRED_ON_PUBLISH\"}"});
        assertThatThrownBy(() -> pricing().activePriceList("eu", 4).get()).isInstanceOf(RemoteServiceUnavailableException.class);
        answers.put("/pricing/api/approval-policy", new Object[] {200,
                "{\"policyVersion\": 2, \"thresholds\": [{\"role\": \"SALES_AGENT\", \"maxDiscountPercent\": 10}]}"});
        ApprovalPolicy policy = pricing().approvalPolicy().get();
        assertThat(policy.policyVersion()).isEqualTo(2);
        assertThat(policy.limitOf("SALES_AGENT")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("10"));
    }

    @Test
    void aSlowServiceIsUnavailableAfterTwoSeconds() {
        delayMillis = 3_000;
        answers.put("/catalog/api/configurations/validate", new Object[] {200, "{}"});
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> catalog().validateLines(oneLine(), 7L).get()).isInstanceOf(RemoteServiceUnavailableException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(1_900L, 2_900L);
    }

    @Test
    void locationsMustBeAbsoluteHttpUrls() {
        assertThat(ServiceLocations.of(null, null).configurationValidation()).hasToString("http://127.0.0.1:18080/catalog/api/configurations/validate");
        assertThat(ServiceLocations.of(null, null).approvalPolicy()).hasToString("http://127.0.0.1:18080/pricing/api/approval-policy");
        assertThatThrownBy(() -> ServiceLocations.of("catalog/api", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceLocations.of(null, "ftp://x/pricing")).isInstanceOf(IllegalArgumentException.class);
    }
}
