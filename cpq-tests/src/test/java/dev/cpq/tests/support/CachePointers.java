package dev.cpq.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite.Reply;
import java.time.Duration;

/** The cache pointers a service owns, as an operator sees them at {@code GET /ops/cache/pointers}. */
public final class CachePointers {

    private CachePointers() {}

    /** Waits (bounded) until the service's pointer of {@code domain} names {@code version} for the tenant. */
    public static void await(String service, String tenant, String domain, long version) {
        String operator = TestTokens.token(tenant, "OPERATOR");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Reply pointers = DeployedSuite.get("/" + service + "/api/ops/cache/pointers", operator);
            assertThat(pointers.status()).as(pointers.body()).isEqualTo(200);
            for (var p : pointers.json()) {
                if (domain.equals(p.get("domain").asText()) && p.path("pointer").asLong() == version) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("%s pointer of %s at v%d within 30 s", domain, tenant, version).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
