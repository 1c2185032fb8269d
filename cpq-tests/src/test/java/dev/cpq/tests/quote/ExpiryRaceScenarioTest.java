package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Accept at the moment of expiry while the expiry sweep runs: each quote ends either accepted (before
 * its expiry, with its snapshot) or EXPIRED with QUOTE_EXPIRED for the accept, never both, never a 500.
 * The sweep is started through its operator endpoint, released together with the accept by a barrier
 * at instants around the quote's expiry.
 */
class ExpiryRaceScenarioTest {

    @Test
    void acceptRacingTheExpirySweepAtTheExpiryInstantEndsOneWayOnly() throws Exception {
        QuotingTenant tenant = new QuotingTenant();
        String operator = TestTokens.token(tenant.tenant, "OPERATOR");
        long[] offsetsMillis = {-30, -5, 0, 5, 30};
        Instant base = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        List<QuoteDesk> quotes = new ArrayList<>();
        List<JsonNode> approvals = new ArrayList<>();
        for (int i = 0; i < offsetsMillis.length; i++) {
            QuoteDesk quote = tenant.newQuoteValidUntil(base.plusSeconds(i).toString());
            approvals.add(quote.approvedWithoutApprover());
            quotes.add(quote);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < quotes.size(); i++) {
                QuoteDesk quote = quotes.get(i);
                JsonNode approved = approvals.get(i);
                Instant at = base.plusSeconds(i).plusMillis(offsetsMillis[i]);
                // wall-clock scenario: the race is at this instant, so wait for it (the barrier does the rest)
                LockSupport.parkNanos(Math.max(0, java.time.Duration.between(Instant.now(), at).toNanos()));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Reply> accept = pool.submit(() -> {
                    together.await();
                    return quote.accept(approved.get("revisionId").asText(), approved.get("priceResultId").asText(), "a-" + UUID.randomUUID());
                });
                Future<Reply> sweep = pool.submit(() -> {
                    together.await();
                    return DeployedSuite.call("POST", "/quote/api/ops/expiry-sweep", operator, null);
                });
                Reply accepted = accept.get();
                assertThat(sweep.get().status()).as(sweep.get().body()).isEqualTo(200);
                // once the expiry has surely passed, a later sweep settles whatever the race left APPROVED
                Instant settled = base.plusSeconds(i).plusMillis(200);
                LockSupport.parkNanos(Math.max(0, java.time.Duration.between(Instant.now(), settled).toNanos()));
                assertThat(DeployedSuite.call("POST", "/quote/api/ops/expiry-sweep", operator, null).status()).isEqualTo(200);

                JsonNode now = quote.read();
                Reply snapshot = DeployedSuite.get("/quote/api/quotes/" + quote.id() + "/revisions/" + approved.get("revisionId").asText()
                        + "/snapshot", tenant.agent());
                if (accepted.status() == 200) {
                    assertThat(now.get("status").asText()).as("accepted before expiry, offset %d ms", offsetsMillis[i]).isEqualTo("ACCEPTED");
                    assertThat(snapshot.status()).isEqualTo(200);
                } else {
                    assertThat(accepted.status()).as(accepted.body()).isEqualTo(409);
                    assertThat(accepted.json().get("code").asText()).isEqualTo("QUOTE_EXPIRED");
                    assertThat(now.get("status").asText()).as("expired, offset %d ms", offsetsMillis[i]).isEqualTo("EXPIRED");
                    assertThat(snapshot.status()).isEqualTo(404);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
