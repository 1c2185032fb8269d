package dev.cpq.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.ServiceControl;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.SuiteMetrics;
import dev.cpq.tests.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Rate limits per tenant and client, and CORS for the sales UI's origin, on the deployed WAR. */
class PartnerProtectionIT {

    /** The deployment's limit (deploy/cpq's default). */
    private static final int LIMIT = Integer.parseInt(System.getenv().getOrDefault("CPQ_RATE_LIMIT_PER_MINUTE", "1200"));
    private static final String SALES_UI = "http://localhost:5173";
    private static final String INTERNAL_CALLS = "cpq_rate_limit_internal_calls_total";

    @Test
    void aClientOverItsLimitGets429WithRetryAfterWhileOtherClientsStillGetAnswers() {
        String tenant = TestTokens.uniqueTenant("busy");
        String token = TestTokens.token(tenant, "PARTNER");
        Reply last = null;
        int answered = 0;
        // windows are whole minutes: a burst that crosses a boundary (it takes seconds) meets at most one,
        // so the limit is exceeded within two windows' worth of requests
        for (int i = 0; i <= 2 * LIMIT + 1 && (last == null || last.status() != 429); i++) {
            last = DeployedSuite.get("/catalog/api/catalog-versions", token);
            if (last.status() == 200) {
                answered++;
            }
        }
        assertThat(last.status()).as("after %d answers", answered).isEqualTo(429);
        // the window may roll over once during the run: at least the limit, at most twice the limit
        assertThat(answered).isBetween(LIMIT, 2 * LIMIT);
        assertThat(last.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(last.header("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 61));
        assertThat(DeployedSuite.get("/catalog/api/catalog-versions", TestTokens.token(TestTokens.uniqueTenant("calm"), "PARTNER"))
                .status()).as("another tenant's client").isEqualTo(200);
        assertThat(DeployedSuite.get("/catalog/api/health", null).status()).as("health is never limited").isEqualTo(200);
    }

    @Test
    void aQuoteCommandCostsItsCallerOneRequestNotOneMorePerServiceItAsks() {
        QuotingTenant tenant = new QuotingTenant();
        QuoteDesk quote = tenant.newQuote();
        assertThat(quote.replaceLines(QuoteDesk.fiberLine(1, "5")).status()).isEqualTo(200);
        assertThat(quote.price().status()).isEqualTo(200);
        double catalogBefore = SuiteMetrics.sum("catalog", INTERNAL_CALLS);
        double pricingBefore = SuiteMetrics.sum("pricing", INTERNAL_CALLS);

        Reply submitted = quote.submit();

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        // submit asked catalog (lines on the recorded version) and pricing (active versions, and the approval policy in force,
        // from which the requirement is decided at every submit: issue 13 item 1) for the agent
        assertThat(SuiteMetrics.sum("catalog", INTERNAL_CALLS) - catalogBefore).as("catalog calls not counted again").isEqualTo(1);
        assertThat(SuiteMetrics.sum("pricing", INTERNAL_CALLS) - pricingBefore).as("pricing calls not counted again").isEqualTo(2);

        // a client that sends a mark of its own is counted like any other
        String forger = TestTokens.token(TestTokens.uniqueTenant("forger"), "PARTNER");
        double before = SuiteMetrics.sum("catalog", INTERNAL_CALLS);
        Reply forged = DeployedSuite.call("POST", "/catalog/api/configurations/validate", forger,
                "{\"offeringId\":\"fiber-1g\",\"options\":{}}", "X-Request-Id", "forged-request-1", "X-Cpq-Internal-Call", "AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(forged.status()).isIn(200, 404, 409);
        assertThat(SuiteMetrics.sum("catalog", INTERNAL_CALLS)).isEqualTo(before);
    }

    @Test
    void withRedisDownTheLimiterFailsOpenAndTheApiAnswers() {
        String token = TestTokens.token(TestTokens.uniqueTenant("open"), "PARTNER");
        ServiceControl.stop("redis");
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(DeployedSuite.get("/catalog/api/catalog-versions", token).status()).isEqualTo(200);
            }
        } finally {
            ServiceControl.start("redis");
            DeployedSuite.awaitHealthy();
        }
    }

    @Test
    void theSalesUiOriginMayCallTheApiFromABrowserAndOthersMayNot() {
        Reply preflight = DeployedSuite.send(preflight(SALES_UI));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).contains(SALES_UI);
        assertThat(preflight.header("Access-Control-Allow-Headers")).hasValueSatisfying(h ->
                assertThat(h).contains("Authorization").contains("Idempotency-Key").contains("If-Match"));

        Reply actual = DeployedSuite.send(HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions"))
                .header("Origin", SALES_UI).header("Authorization", "Bearer " + TestTokens.token(TestTokens.uniqueTenant("ui"), "SALES_AGENT"))
                .GET().build());
        assertThat(actual.status()).isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).contains(SALES_UI);
        assertThat(actual.header("Access-Control-Expose-Headers")).hasValueSatisfying(h -> assertThat(h).contains("ETag"));

        Reply foreign = DeployedSuite.send(preflight("https://evil.example"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(foreign.json().get("code").asText()).isEqualTo("CORS_ORIGIN_NOT_ALLOWED");
    }

    private static HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/catalog/api/catalog-versions"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
    }
}
