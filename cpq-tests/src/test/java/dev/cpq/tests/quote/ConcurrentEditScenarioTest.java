package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two agents edit the same version of a quote at once: one wins, the other gets 412, nothing is lost or merged. */
class ConcurrentEditScenarioTest {

    @Test
    void twoAgentsEditingTheSameVersionGetOneSuccessAndOneConflict() throws Exception {
        QuotingTenant tenant = new QuotingTenant();
        for (int round = 0; round < 3; round++) {
            QuoteDesk quote = tenant.newQuote();
            String seen = quote.etag();
            long versionSeen = quote.read().get("version").asLong();
            List<String> edits = List.of(QuoteDesk.fiberLine(3, "1"), QuoteDesk.fiberLine(7, "2"));
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Reply>> replies = new ArrayList<>();
            try {
                for (String edit : edits) {
                    replies.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return quote.replaceLinesWith(seen, edit);
                    }));
                }
                ready.await();
                go.countDown();
                Reply first = replies.get(0).get();
                Reply second = replies.get(1).get();
                assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 412);
                Reply lost = first.status() == 412 ? first : second;
                assertThat(lost.json().get("code").asText()).isEqualTo("QUOTE_VERSION_CONFLICT");
                int winnerQuantity = first.status() == 200 ? 3 : 7;

                JsonNode now = quote.read();
                assertThat(now.get("version").asLong()).as("one change").isEqualTo(versionSeen + 1);
                assertThat(now.at("/lines/0/quantity").asInt()).as("the winner's lines, unmerged").isEqualTo(winnerQuantity);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
