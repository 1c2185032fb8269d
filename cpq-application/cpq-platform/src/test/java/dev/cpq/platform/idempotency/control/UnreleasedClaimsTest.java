package dev.cpq.platform.idempotency.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnreleasedClaimsTest {

    private static IdempotentRequest request(int n) {
        return new IdempotentRequest("t1", "quote.price", "k-" + n, "f1");
    }

    /**
     * A long outage leaves more claims behind than the instance remembers, most of them never retried (their
     * clients gave up). The claims of the next outage must still be remembered: the oldest are forgotten
     * (their leases end first), not every claim that comes after them for the rest of the process's life.
     */
    @Test
    void theLatestClaimLeftBehindIsRememberedAfterMoreThanTheBoundOfOlderOnes() {
        UnreleasedClaims claims = new UnreleasedClaims();
        for (int n = 0; n < UnreleasedClaims.MAX_REMEMBERED; n++) {
            claims.remember(request(n), UUID.randomUUID());
        }
        UUID latest = UUID.randomUUID();
        claims.remember(request(-1), latest);

        assertThat(claims.take(request(-1))).as("the claim of the latest outage").contains(latest);
        assertThat(claims.take(request(0))).as("the oldest claim made room").isEmpty();
        assertThat(claims.take(request(1))).as("the others are still remembered").isPresent();
    }
}
