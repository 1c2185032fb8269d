package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.testing.RealServices;
import dev.cpq.tests.support.AtOnce;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Twenty accepts of one approved quote at the same moment, with one Idempotency-Key and with twenty:
 * exactly one ACCEPTED transition, one snapshot and one QuoteAccepted event, whatever the interleaving.
 * Counted where it matters, in the quote service's own tables.
 */
class ConcurrentAcceptScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void twentyAcceptsWithOneKeyAcceptOnce() throws Exception {
        QuoteDesk quote = tenant.newQuote();
        JsonNode approved = quote.approvedWithoutApprover();
        String key = "accept-" + UUID.randomUUID();
        // one request sent twenty times: the same key, body and If-Match (a new If-Match would be another request)
        String ifMatch = quote.etag();

        List<Reply> replies = concurrently(20,
                i -> quote.acceptAt(ifMatch, approved.get("revisionId").asText(), approved.get("priceResultId").asText(), key));

        for (Reply r : replies) {
            assertThat(r.status()).as(r.body()).isIn(200, 409);
            if (r.status() == 409) {
                assertThat(r.json().get("code").asText()).isEqualTo("IDEMPOTENCY_REQUEST_IN_PROGRESS");
            }
        }
        assertThat(replies.stream().filter(r -> r.status() == 200)).isNotEmpty();
        assertAcceptedOnce(quote, approved);
    }

    @Test
    void twentyAcceptsWithTwentyKeysAcceptOnce() throws Exception {
        QuoteDesk quote = tenant.newQuote();
        JsonNode approved = quote.approvedWithoutApprover();

        List<Reply> replies = concurrently(20,
                i -> quote.accept(approved.get("revisionId").asText(), approved.get("priceResultId").asText(), "accept-" + i + "-" + UUID.randomUUID()));

        assertThat(replies.stream().filter(r -> r.status() == 200)).as("one acceptance").hasSize(1);
        for (Reply r : replies) {
            assertThat(r.status()).as(r.body()).isIn(200, 409, 412);
        }
        assertAcceptedOnce(quote, approved);
    }

    private void assertAcceptedOnce(QuoteDesk quote, JsonNode approved) throws Exception {
        JsonNode accepted = quote.read();
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        Reply snapshot = DeployedSuite.get("/quote/api/quotes/" + quote.id() + "/revisions/" + approved.get("revisionId").asText() + "/snapshot",
                tenant.agent());
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(200);
        assertThat(snapshot.json().toString()).contains(approved.get("priceResultId").asText());
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = 'QuoteAccepted'", quote.id()))
                .as("one QuoteAccepted event").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE aggregate_id = ? AND to_state = 'ACCEPTED'", quote.id()))
                .as("one audited acceptance").isEqualTo(1);
    }

    private static List<Reply> concurrently(int n, IntFunction<Reply> call) throws Exception {
        return AtOnce.call(n, call);
    }

    static long count(String sql, String quoteId) throws Exception {
        String password = System.getenv("CPQ_QUOTE_DB_PASSWORD");
        assertThat(password).as("CPQ_QUOTE_DB_PASSWORD (exported by deploy/cpq test)").isNotBlank();
        try (Connection c = DriverManager.getConnection(RealServices.postgres().url(), "quote", password);
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, quoteId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
