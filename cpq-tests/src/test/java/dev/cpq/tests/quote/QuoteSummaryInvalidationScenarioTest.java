package dev.cpq.tests.quote;

import static dev.cpq.tests.support.SuiteMetrics.label;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.SuiteMetrics;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the cached quote summary invalidates itself on the change event the command pipeline fires
 * inside the command's transaction, observed after the commit only: a committed command's change is what
 * the next read shows (one invalidation, then a miss), a refused command, rolled back, invalidates nothing
 * (the next read is still a hit).
 */
class QuoteSummaryInvalidationScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void aCommittedCommandInvalidatesTheSummaryAndARolledBackOneDoesNot() {
        QuoteDesk quote = tenant.newQuote();
        Reply cached = summary(quote);
        assertThat(cached.status()).as(cached.body()).isEqualTo(200);
        assertThat(summary(quote).json().get("version").asLong()).isEqualTo(cached.json().get("version").asLong());
        double invalidated = count("cpq_cache_invalidated_total");
        double hits = count("cpq_cache_hit_total");

        Reply refused = quote.replaceLinesWith("\"999\"", QuoteDesk.fiberLine(1, "0"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(412);
        assertThat(count("cpq_cache_invalidated_total")).as("a rolled-back command invalidates nothing").isEqualTo(invalidated);
        assertThat(summary(quote).json().get("revisionId").asText()).isEqualTo(cached.json().get("revisionId").asText());
        assertThat(count("cpq_cache_hit_total")).as("still cached").isEqualTo(hits + 1);

        Reply committed = quote.replaceLines(QuoteDesk.fiberLine(1, "0"));
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        assertThat(count("cpq_cache_invalidated_total")).as("invalidated once, after the commit").isEqualTo(invalidated + 1);
        Reply after = summary(quote);
        assertThat(after.json().get("revisionId").asText()).isEqualTo(committed.json().get("revisionId").asText())
                .isNotEqualTo(cached.json().get("revisionId").asText());
        assertThat(after.header("ETag")).contains(committed.header("ETag").orElseThrow());
    }

    private Reply summary(QuoteDesk quote) {
        return DeployedSuite.get("/quote/api/quotes/" + quote.id() + "/summary", tenant.agent());
    }

    private double count(String metric) {
        return SuiteMetrics.sum("quote", metric, label("domain", "quote-summary"), label("tenant", tenant.tenant));
    }
}
