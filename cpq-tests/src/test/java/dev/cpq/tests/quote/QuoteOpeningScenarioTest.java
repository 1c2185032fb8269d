package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.RealServices;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Opening a quote is checked against what can ever price it: an ISO 4217 currency, and a published
 * price list of the tenant that offers that currency in that market and channel. A quote that slipped
 * through before (or whose list changed since) gets a stable 4xx from pricing's refusal, never a
 * "retry shortly" 503 that no retry can cure.
 */
class QuoteOpeningScenarioTest {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void aQuoteInACurrencyThatIsNoIsoCurrencyIsRefusedAtCreationNamingTheField() {
        Reply zzz = open("ZZZ", "eu", "direct", "standard", "q-" + UUID.randomUUID());
        assertProblem(zzz, 400, "VALIDATION_FAILED");
        assertThat(fields(zzz)).containsExactly("currency");
        // ISO 4217, but no currency prices are expressed in (gold has no minor unit)
        Reply xau = open("XAU", "eu", "direct", "standard", "q-" + UUID.randomUUID());
        assertProblem(xau, 400, "VALIDATION_FAILED");
        assertThat(fields(xau)).containsExactly("currency");
    }

    @Test
    void aQuoteInACurrencyMarketOrChannelItsPriceListDoesNotOfferIsRefused() {
        // the list prices EUR in market eu, channel direct only
        Reply usd = open("USD", "eu", "direct", "standard", "q-" + UUID.randomUUID());
        assertProblem(usd, 422, "PRICE_LIST_SCOPE_NOT_OFFERED");
        assertThat(fields(usd)).containsExactly("currency");
        assertThat(usd.json().path("offeredScopes").toString()).contains("\"currency\":\"EUR\"", "\"market\":\"eu\"", "\"channel\":\"direct\"");

        Reply us = open("EUR", "us", "direct", "standard", "q-" + UUID.randomUUID());
        assertProblem(us, 422, "PRICE_LIST_SCOPE_NOT_OFFERED");
        assertThat(fields(us)).containsExactly("market");

        Reply partner = open("EUR", "eu", "partner", "standard", "q-" + UUID.randomUUID());
        assertProblem(partner, 422, "PRICE_LIST_SCOPE_NOT_OFFERED");
        assertThat(fields(partner)).containsExactly("channel");


        Reply offered = open("EUR", "eu", "direct", "standard", "q-" + UUID.randomUUID());
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
    }

    @Test
    void aQuoteOnAnUnknownPriceListOrOneWithoutAPublishedVersionIsRefused() {
        Reply unknown = open("EUR", "eu", "direct", "no-such-list", "q-" + UUID.randomUUID());
        assertProblem(unknown, 422, "PRICE_LIST_NOT_FOUND");

        tenant.pricing.openDraft("draft-only", null);
        Reply draftOnly = open("EUR", "eu", "direct", "draft-only", "q-" + UUID.randomUUID());
        assertProblem(draftOnly, 409, "PRICE_LIST_NOT_PUBLISHED");
    }

    @Test
    void aRefusedOpeningIsTheKeysFinalAnswerAndCreatesNothing() throws Exception {
        String key = "q-" + UUID.randomUUID();
        Reply first = open("USD", "eu", "direct", "standard", key);
        Reply again = open("USD", "eu", "direct", "standard", key);
        assertProblem(first, 422, "PRICE_LIST_SCOPE_NOT_OFFERED");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(countQuotes("SELECT count(*) FROM quote WHERE tenant_id = ? AND currency = 'USD'")).isZero();
    }

    /**
     * A quote opened before creation was validated (its currency made ZZZ behind the API): pricing
     * refuses the input with a 400, and quote answers a 422 with a stable code and pricing's violations,
     * not a 503 PRICING_UNAVAILABLE "retry shortly" forever.
     */
    @Test
    void aQuoteWhoseInputPricingRefusesGetsAStable422NotARetryable503() throws Exception {
        QuoteDesk quote = tenant.newQuote();
        Reply lines = quote.replaceLines(QuoteDesk.fiberLine(1, "0"));
        assertThat(lines.status()).as(lines.body()).isEqualTo(200);
        updateQuote("UPDATE quote SET currency = 'ZZZ' WHERE quote_id = ?", quote.id());

        for (int attempt = 0; attempt < 2; attempt++) {
            Reply priced = quote.price();
            assertProblem(priced, 422, "PRICING_REQUEST_INVALID");
            assertThat(priced.header("Retry-After")).isEmpty();
            assertThat(priced.json().path("dependencyCode").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(priced.json().path("violations").toString()).contains("currency");
        }
    }

    private Reply open(String currency, String market, String channel, String priceListId, String key) {
        String body = "{\"customerId\":\"cust-1\",\"currency\":\"" + currency + "\",\"market\":\"" + market + "\",\"channel\":\"" + channel
                + "\",\"priceListId\":\"" + priceListId + "\"}";
        return DeployedSuite.call("POST", "/quote/api/quotes", tenant.agent(), body, "Idempotency-Key", key);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("code").asText()).as(reply.body()).isEqualTo(code);
    }

    private static List<String> fields(Reply reply) {
        List<String> named = new ArrayList<>();
        reply.json().path("violations").forEach(v -> named.add(v.path("field").asText()));
        return named;
    }

    private long countQuotes(String sql) throws Exception {
        try (Connection c = quoteDatabase(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.tenant);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void updateQuote(String sql, String quoteId) throws Exception {
        try (Connection c = quoteDatabase(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, quoteId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection quoteDatabase() throws Exception {
        String password = System.getenv("CPQ_QUOTE_DB_PASSWORD");
        assertThat(password).as("CPQ_QUOTE_DB_PASSWORD (exported by deploy/cpq test)").isNotBlank();
        return DriverManager.getConnection(RealServices.postgres().url(), "quote", password);
    }
}
