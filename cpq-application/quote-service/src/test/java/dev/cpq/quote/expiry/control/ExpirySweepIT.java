package dev.cpq.quote.expiry.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.quote.expiry.entity.ExpiredQuote;
import dev.cpq.testing.RealServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The expiry sweep's statement on the real PostgreSQL, racing an accept that holds the row lock. */
class ExpirySweepIT {

    private final String schema = "quote_exp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private RealServices.Postgres pg;
    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        pg = RealServices.postgres();
        Flyway.configure().dataSource(pg.url(), pg.user(), pg.password()).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/migration/quote").load().migrate();
        // the platform's audit table, as the service's startup migration adds it
        Flyway.configure().dataSource(pg.url(), pg.user(), pg.password()).schemas(schema).defaultSchema(schema)
                .table("flyway_platform_history").baselineOnMigrate(true).baselineVersion("0")
                .locations("classpath:dev/cpq/platform/db").load().migrate();
        db = connection();
    }

    private Connection connection() throws SQLException {
        Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        c.setSchema(schema);
        return c;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        db.close();
    }

    private String quote(String status, String validUntil) throws SQLException {
        return quote("t1", status, validUntil);
    }

    private String quote(String tenant, String status, String validUntil) throws SQLException {
        String id = UUID.randomUUID().toString();
        boolean priced = !"DRAFT".equals(status);
        exec(db, "INSERT INTO quote (quote_id, tenant_id, customer_id, currency, market, channel, price_list_id, status, revision_id, revision_no,"
                + " lines, price_result_id, price_list_version, price_hash, price_valid_until, staleness_policy, policy_version,"
                + " approval_signals, priced_lines, totals, valid_until, created_by, created_at, updated_at, row_version) VALUES ('" + id
                + "', '" + tenant + "', 'c1', 'EUR', 'de', 'web', 'eu', '" + status + "', '" + UUID.randomUUID() + "', 1, '[]', "
                + (priced ? "'" + UUID.randomUUID() + "', 3, 'price-sha256:" + "b".repeat(64)
                        + "', now() + interval '30 days', 'REPRICE_REQUIRED_ON_PUBLISH', 1, '[]', '[]', '{}'"
                        : "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL")
                + ", " + validUntil + ", 'agent', now() - interval '40 days', now(), 4)");
        return id;
    }

    @Test
    void anOperatorsSweepExpiresOnlyItsOwnTenantsQuotes() throws SQLException {
        String own = quote("t1", "PRICED", "now() - interval '1 minute'");
        String foreign = quote("t2", "PRICED", "now() - interval '2 minutes'");

        List<ExpiredQuote> expired = JdbcExpiredQuotes.expireDue(db, 100, "t1");

        assertThat(expired).extracting(ExpiredQuote::quoteId).containsExactly(own);
        assertThat(JdbcExpiredQuotes.expireDue(db, 100, "t1")).isEmpty();
        assertThat(JdbcExpiredQuotes.expireDue(db, 100)).as("the schedule sweeps every tenant").extracting(ExpiredQuote::quoteId)
                .containsExactly(foreign);
    }

    @Test
    void dueQuotesExpireWithANewVersionAndAnAuditEntryInBoundedBatches() throws SQLException {
        String draft = quote("DRAFT", "now() - interval '1 minute'");
        String approved = quote("APPROVED", "now() - interval '2 minutes'");
        String rejected = quote("REJECTED", "now() - interval '3 minutes'");
        String valid = quote("PRICED", "now() + interval '1 day'");
        String accepted = quote("ACCEPTED", "now() - interval '1 day'");

        List<ExpiredQuote> first = JdbcExpiredQuotes.expireDue(db, 2);
        assertThat(first).extracting(ExpiredQuote::quoteId).containsExactlyInAnyOrder(rejected, approved);
        assertThat(first).allSatisfy(e -> {
            assertThat(e.fromVersion()).isEqualTo(4);
            assertThat(e.toVersion()).isEqualTo(5);
            assertThat(e.tenantId()).isEqualTo("t1");
        });
        assertThat(JdbcExpiredQuotes.expireDue(db, 2)).extracting(ExpiredQuote::quoteId).containsExactly(draft);
        assertThat(JdbcExpiredQuotes.expireDue(db, 2)).isEmpty();

        assertThat(text("SELECT status FROM quote WHERE quote_id = '" + valid + "'")).isEqualTo("PRICED");
        assertThat(text("SELECT status FROM quote WHERE quote_id = '" + accepted + "'")).isEqualTo("ACCEPTED");
        assertThat(text("SELECT count(*) FROM audit_entry WHERE command = 'quote.expire' AND to_state = 'EXPIRED'")).isEqualTo("3");
        assertThat(text("SELECT from_state FROM audit_entry WHERE aggregate_id = '" + approved + "'")).isEqualTo("APPROVED");
        assertThat(text("SELECT r.status FROM quote_revision r JOIN quote q USING (quote_id) WHERE q.quote_id = '" + draft
                + "' AND r.revision_id = q.revision_id")).isEqualTo("EXPIRED");
    }

    @Test
    void anAcceptHoldingTheRowIsNeverOvertakenAndWinsIfItCommitsAccepted() throws SQLException {
        String racing = quote("APPROVED", "now() - interval '1 second'");
        try (Connection accept = connection()) {
            accept.setAutoCommit(false);
            exec(accept, "SELECT quote_id FROM quote WHERE quote_id = '" + racing + "' FOR UPDATE");
            // the sweep skips the locked row instead of waiting or overwriting it
            assertThat(JdbcExpiredQuotes.expireDue(db, 10)).isEmpty();
            exec(accept, "UPDATE quote SET status = 'ACCEPTED', row_version = row_version + 1 WHERE quote_id = '" + racing + "'");
            accept.commit();
        }
        assertThat(JdbcExpiredQuotes.expireDue(db, 10)).isEmpty();
        assertThat(text("SELECT status FROM quote WHERE quote_id = '" + racing + "'")).isEqualTo("ACCEPTED");
    }

    @Test
    void aSweepHoldingTheRowMakesTheAcceptSeeExpired() throws SQLException {
        String racing = quote("APPROVED", "now() - interval '1 second'");
        try (Connection sweep = connection(); Connection accept = connection()) {
            sweep.setAutoCommit(false);
            assertThat(JdbcExpiredQuotes.expireDue(sweep, 10)).extracting(ExpiredQuote::quoteId).containsExactly(racing);
            accept.setAutoCommit(false);
            assertThatThrownBy(() -> exec(accept, "SELECT quote_id FROM quote WHERE quote_id = '" + racing + "' FOR UPDATE NOWAIT"))
                    .isInstanceOf(SQLException.class);
            accept.rollback();
            sweep.commit();
            // what the accept reads under its lock once the sweep committed: EXPIRED, never to be accepted
            assertThat(text(accept, "SELECT status FROM quote WHERE quote_id = '" + racing + "' FOR UPDATE")).isEqualTo("EXPIRED");
            assertThatThrownBy(() -> exec(accept, "UPDATE quote SET status = 'ACCEPTED' WHERE quote_id = '" + racing + "'"))
                    .hasMessageContaining("an expired quote stays expired");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String text(String sql) throws SQLException {
        return text(db, sql);
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
