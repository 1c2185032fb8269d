package dev.cpq.tests.catalog;

import static dev.cpq.tests.support.DeployedSuite.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.TestTokens;
import dev.cpq.testing.ServiceControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The deployed catalog service over HTTP, as the sales UI sees it. */
class CatalogWalkingSkeletonIT {

    private static final String DEMO = System.getenv().getOrDefault("CPQ_DEMO_TENANT", "demo");

    @Test
    void healthReportsEveryDependencyUp() {
        Reply health = get("/catalog/api/health", null);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        for (String dependency : List.of("postgres", "redis", "kafka")) {
            assertThat(health.json().at("/checks/" + dependency + "/status").asText()).as(dependency).isEqualTo("UP");
        }
        assertThat(health.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void activeVersionOfTheSeededTenantComesFromTheDatabase() {
        Reply reply = get("/catalog/api/active-version", TestTokens.token(DEMO, "SALES_AGENT"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("catalogVersion").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(reply.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(reply.json().get("publishedAt").asText()).isNotBlank();
    }

    @Test
    void aTenantWithoutPublishedCatalogGetsAProblemNotAnotherTenantsVersion() {
        Reply reply = get("/catalog/api/active-version", TestTokens.token(TestTokens.uniqueTenant("fresh"), "SALES_AGENT"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asText()).isEqualTo("CATALOG_NOT_PUBLISHED");
    }

    @Test
    void requestsWithoutAValidTokenAreRejectedWithAProblemBody() {
        for (String token : new String[] {null, "garbage", TestTokens.token(DEMO, java.time.Duration.ofSeconds(-120), "SALES_AGENT")}) {
            Reply reply = get("/catalog/api/active-version", token);
            assertThat(reply.status()).as(String.valueOf(token)).isEqualTo(401);
            assertThat(reply.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemDetailsNeverAStackTrace() {
        Reply missing = get("/catalog/api/no-such-thing", TestTokens.token(DEMO, "SALES_AGENT"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("NOT_FOUND");

        Reply wrongMethod = DeployedSuite.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(DeployedSuite.baseUrl() + "/catalog/api/active-version"))
                .header("Authorization", "Bearer " + TestTokens.token(DEMO, "SALES_AGENT"))
                .DELETE().build());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.body()).doesNotContain("Exception").doesNotContain("at dev.cpq");
    }

    @Test
    void aTokenMintedByTheDeployScriptIsAccepted() throws IOException, InterruptedException {
        Process mint = new ProcessBuilder(deployScript(), "token", "--tenant", DEMO, "--roles", "SALES_AGENT,OPERATOR", "--ttl", "5m")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String token = new String(mint.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(mint.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mint.exitValue()).isZero();

        Reply reply = get("/catalog/api/active-version", token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static String deployScript() {
        String configured = System.getenv("CPQ_DEPLOY_SCRIPT");
        assertThat(configured).as("CPQ_DEPLOY_SCRIPT (exported by deploy/cpq test)").isNotBlank();
        // referenced so a missing script fails here with the same message the services tests give
        assertThat(ServiceControl.class).isNotNull();
        return configured;
    }
}
