package dev.cpq.quote.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.testing.MigratedSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The quote migrations applied to a scratch schema of the real PostgreSQL, and the business rules the
 * schema itself guards.
 */
class QuoteSchemaIT {

    private static final String PRICE_HASH = "'price-sha256:" + "b".repeat(64) + "'";
    private static final String CFG_HASH = "'cfg-sha256:" + "a".repeat(64) + "'";

    private MigratedSchema schema;
    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        schema = MigratedSchema.of("quote");
        db = schema.connection();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.close();
    }

    private String quote(String status) throws SQLException {
        String id = UUID.randomUUID().toString();
        boolean priced = !"DRAFT".equals(status);
        schema.exec("INSERT INTO quote (quote_id, tenant_id, customer_id, currency, market, channel, price_list_id, status, revision_id, revision_no,"
                + " lines, catalog_version, configuration_hash, price_result_id, price_list_version, price_hash, price_valid_until,"
                + " staleness_policy, policy_version, approval_signals, priced_lines, totals, valid_until, created_by, created_at, updated_at)"
                + " VALUES ('" + id + "', 't1', 'c1', 'EUR', 'de', 'web', 'eu', '" + status + "', '" + UUID.randomUUID() + "', 1, '[]', 7, "
                + CFG_HASH + ", " + (priced ? "'" + UUID.randomUUID() + "', 3, " + PRICE_HASH
                        + ", now() + interval '30 days', 'REPRICE_REQUIRED_ON_PUBLISH', 1, '[]', '[]', '{}'"
                        : "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL")
                + ", now() + interval '30 days', 'agent', now(), now())");
        return id;
    }

    private String revisionOf(String quoteId) throws SQLException {
        return text("SELECT revision_id FROM quote WHERE quote_id = '" + quoteId + "'");
    }

    private String priceOf(String quoteId) throws SQLException {
        return text("SELECT price_result_id FROM quote WHERE quote_id = '" + quoteId + "'");
    }

    @Test
    void statusesAndShapesAreChecked() throws SQLException {
        assertThatThrownBy(() -> quote("SUBMITTED")).hasMessageContaining("quote_status_known");
        String id = quote("DRAFT");
        assertThatThrownBy(() -> schema.exec("UPDATE quote SET status = 'PRICED' WHERE quote_id = '" + id + "'"))
                .hasMessageContaining("quote_priced_states_have_price");
        assertThatThrownBy(() -> schema.exec("UPDATE quote SET price_hash = " + PRICE_HASH + " WHERE quote_id = '" + id + "'"))
                .hasMessageContaining("quote_price_complete");
        assertThatThrownBy(() -> schema.exec("UPDATE quote SET configuration_hash = 'md5:x' WHERE quote_id = '" + id + "'"))
                .hasMessageContaining("quote_configuration_hash_shape");
        assertThatThrownBy(() -> schema.exec("UPDATE quote SET lines = '{}' WHERE quote_id = '" + id + "'")).hasMessageContaining("quote_lines_are_array");
        String priced = quote("PRICED");
        assertThatThrownBy(() -> schema.exec("UPDATE quote SET status = 'DRAFT' WHERE quote_id = '" + priced + "'"))
                .hasMessageContaining("quote_draft_unpriced");
    }

    @Test
    void revisionsAreTrackedAndAQuoteHasOneAcceptedRevision() throws SQLException {
        String id = quote("APPROVED");
        String first = revisionOf(id);
        assertThat(text("SELECT status FROM quote_revision WHERE revision_id = '" + first + "'")).isEqualTo("APPROVED");
        schema.exec("UPDATE quote SET status = 'ACCEPTED' WHERE quote_id = '" + id + "'");
        assertThat(text("SELECT status FROM quote_revision WHERE revision_id = '" + first + "'")).isEqualTo("ACCEPTED");
        // a second accepted revision of the same quote cannot exist, whichever way it is written
        assertThatThrownBy(() -> schema.exec("INSERT INTO quote_revision (quote_id, revision_id, tenant_id, revision_no, status) VALUES ('" + id
                + "', '" + UUID.randomUUID() + "', 't1', 2, 'ACCEPTED')")).hasMessageContaining("quote_revision_one_accepted");
    }

    @Test
    void acceptedAndExpiredAreFinal() throws SQLException {
        String accepted = quote("ACCEPTED");
        assertThatThrownBy(() -> schema.exec("UPDATE quote SET status = 'APPROVED' WHERE quote_id = '" + accepted + "'"))
                .hasMessageContaining("an accepted quote does not change");
        assertThatThrownBy(() -> schema.exec("UPDATE quote SET revision_id = '" + UUID.randomUUID() + "' WHERE quote_id = '" + accepted + "'"))
                .hasMessageContaining("an accepted quote does not change");
        assertThatCode(() -> schema.exec("UPDATE quote SET order_id = 'o-1' WHERE quote_id = '" + accepted + "'")).doesNotThrowAnyException();
        String expired = quote("PRICED");
        schema.exec("UPDATE quote SET status = 'EXPIRED' WHERE quote_id = '" + expired + "'");
        assertThatThrownBy(() -> schema.exec("UPDATE quote SET status = 'PRICED' WHERE quote_id = '" + expired + "'"))
                .hasMessageContaining("an expired quote stays expired");
        String draft = quote("DRAFT");
        assertThatThrownBy(() -> schema.exec("UPDATE quote SET order_id = 'o-2' WHERE quote_id = '" + draft + "'"))
                .hasMessageContaining("quote_order_only_when_accepted");
    }

    private String decision(String quoteId, String revision, String price, String requirement, String decision) {
        return decision(quoteId, revision, price, requirement, decision, 1);
    }

    private String decision(String quoteId, String revision, String price, String requirement, String decision, int round) {
        return "INSERT INTO quote_approval_decision (tenant_id, quote_id, revision_id, price_result_id, requirement, decision, reason,"
                + " decided_by, automatic, authority_role, authority_max_discount, policy_version, decided_at, approval_round) VALUES ('t1', '"
                + quoteId + "', '" + revision + "', '" + price + "', '" + requirement + "', '" + decision + "', 'ok', 'manager', false,"
                + " 'SALES_MANAGER', 20, 1, now(), " + round + ")";
    }

    @Test
    void theSamePriceResultSubmittedAgainIsDecidedAgainInANewRound() throws SQLException {
        String id = quote("PENDING_APPROVAL");
        String revision = revisionOf(id);
        String price = priceOf(id);
        schema.exec(decision(id, revision, price, "DISCOUNT_APPROVAL", "APPROVED", 1));
        // re-priced to the same content-addressed result and submitted again (issue 13 item 9)
        schema.exec(decision(id, revision, price, "DISCOUNT_APPROVAL", "APPROVED", 2));
        assertThatThrownBy(() -> schema.exec(decision(id, revision, price, "DISCOUNT_APPROVAL", "REJECTED", 2)))
                .hasMessageContaining("quote_approval_one_decision_per_round");
    }

    @Test
    void aRequirementIsDecidedOnceAndDecisionsAreImmutable() throws SQLException {
        String id = quote("PENDING_APPROVAL");
        String revision = revisionOf(id);
        String price = priceOf(id);
        schema.exec(decision(id, revision, price, "DISCOUNT_APPROVAL", "APPROVED"));
        assertThatThrownBy(() -> schema.exec(decision(id, revision, price, "DISCOUNT_APPROVAL", "REJECTED")))
                .hasMessageContaining("quote_approval_one_decision");
        // another price result of the revision (repriced) is a requirement of its own
        schema.exec(decision(id, revision, UUID.randomUUID().toString(), "DISCOUNT_APPROVAL", "REJECTED"));
        assertThatThrownBy(() -> schema.exec("UPDATE quote_approval_decision SET decision = 'REJECTED'")).hasMessageContaining("immutable");
        assertThatThrownBy(() -> schema.exec("DELETE FROM quote_approval_decision")).hasMessageContaining("immutable");
        assertThatThrownBy(() -> schema.exec(decision(id, revision, price, "DISCOUNT_APPROVAL", "MAYBE").replace("'MAYBE'", "'MAYBE'")))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> schema.exec(decision(id, revision, price, "NO_APPROVAL_REQUIRED", "REJECTED").replace("false,", "true,")))
                .hasMessageContaining("quote_approval_automatic_only_approves");
        assertThat(schema.count("SELECT count(*) FROM quote_approval_decision")).isEqualTo(2);
    }

    private String snapshot(String quoteId) throws SQLException {
        return "INSERT INTO quote_snapshot (tenant_id, quote_id, revision_id, price_result_id, snapshot_hash, body, created_at) VALUES ('t1', '"
                + quoteId + "', '" + revisionOf(quoteId) + "', '" + priceOf(quoteId) + "', 'snap-sha256:" + "c".repeat(64)
                + "', '{\"lines\": []}', now())";
    }

    @Test
    void aQuoteHasOneImmutableSnapshot() throws SQLException {
        String id = quote("ACCEPTED");
        schema.exec(snapshot(id));
        assertThatThrownBy(() -> schema.exec(snapshot(id))).hasMessageContaining("quote_snapshot_one_per_quote");
        assertThatThrownBy(() -> schema.exec("UPDATE quote_snapshot SET body = '{}'")).hasMessageContaining("immutable");
        assertThatThrownBy(() -> schema.exec("DELETE FROM quote_snapshot")).hasMessageContaining("immutable");
        assertThatThrownBy(() -> schema.exec(snapshot(quote("ACCEPTED")).replace("{\"lines\": []}", "[]")))
                .hasMessageContaining("quote_snapshot_body_is_object");
        assertThat(schema.count("SELECT count(*) FROM quote_snapshot")).isEqualTo(1);
    }

    @Test
    void twentyConcurrentAcceptsOfOneVersionGiveOneTransitionAndOneSnapshot() throws Exception {
        String id = quote("APPROVED");
        long expected = schema.count("SELECT row_version FROM quote WHERE quote_id = '" + id + "'");
        String snapshot = snapshot(id);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(pool.submit(() -> {
                // what QuoteAccepting does in its transaction: lock, check If-Match and state, change, snapshot
                try (Connection c = schema.newConnection()) {
                    c.setAutoCommit(false);
                    start.await();
                    try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT row_version, status FROM quote WHERE quote_id = '"
                            + id + "' FOR UPDATE")) {
                        rs.next();
                        if (rs.getLong(1) != expected || !"APPROVED".equals(rs.getString(2))) {
                            c.rollback();
                            return false;
                        }
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("UPDATE quote SET status = 'ACCEPTED', row_version = row_version + 1 WHERE quote_id = '" + id + "'");
                        s.execute(snapshot);
                    }
                    c.commit();
                    return true;
                }
            }));
        }
        start.countDown();
        int accepted = 0;
        for (var outcome : outcomes) {
            accepted += outcome.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(1);
        assertThat(schema.count("SELECT count(*) FROM quote_snapshot WHERE quote_id = '" + id + "'")).isEqualTo(1);
        assertThat(schema.count("SELECT count(*) FROM quote_revision WHERE quote_id = '" + id + "' AND status = 'ACCEPTED'")).isEqualTo(1);
        assertThat(schema.count("SELECT row_version FROM quote WHERE quote_id = '" + id + "'")).isEqualTo(expected + 1);
    }

    private String text(String sql) throws SQLException {
        try (Statement s = db.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
