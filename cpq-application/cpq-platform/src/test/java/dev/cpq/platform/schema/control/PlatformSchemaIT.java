package dev.cpq.platform.schema.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.testing.RealServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform's tables on the real PostgreSQL, and the rules the schema itself keeps. */
class PlatformSchemaIT {

    private final String schema = "platform_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        RealServices.Postgres pg = RealServices.postgres();
        Flyway.configure().dataSource(pg.url(), pg.user(), pg.password()).schemas(schema).defaultSchema(schema)
                .table("flyway_platform_history").locations("classpath:dev/cpq/platform/db").load().migrate();
        db = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        db.setSchema(schema);
    }

    @AfterEach
    void drop() throws SQLException {
        exec("DROP SCHEMA " + schema + " CASCADE");
        db.close();
    }

    @Test
    void auditEntriesCanBeAddedButNeverChangedOrRemoved() throws SQLException {
        exec("INSERT INTO audit_entry (tenant_id, actor, aggregate_type, aggregate_id, command, to_state, outcome)"
                + " VALUES ('t1', 'alice', 'Quote', 'q-1', 'quote.submit', 'APPROVED', 'SUCCEEDED')");
        assertThatThrownBy(() -> exec("UPDATE audit_entry SET to_state = 'REJECTED'")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> exec("DELETE FROM audit_entry")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> exec("INSERT INTO audit_entry (tenant_id, actor, aggregate_type, aggregate_id, command, outcome)"
                + " VALUES ('t1', 'alice', 'Quote', 'q-1', 'x', 'MAYBE')")).hasMessageContaining("audit_outcome_known");
    }

    @Test
    void anIdempotencyKeyIsClaimedOncePerTenantAndCommandAndCompletedWithAResponse() throws SQLException {
        String claim = "INSERT INTO idempotency_record (tenant_id, command, idempotency_key, request_fingerprint, status, claim_token,"
                + " lease_until, expires_at) VALUES ('%s', 'c', 'k', 'f', 'IN_PROGRESS', gen_random_uuid(), now(), now()) ON CONFLICT DO NOTHING";
        try (Statement s = db.createStatement()) {
            assertThat(s.executeUpdate(claim.formatted("t1"))).isEqualTo(1);
            assertThat(s.executeUpdate(claim.formatted("t1"))).as("second claim of the same key").isZero();
            assertThat(s.executeUpdate(claim.formatted("t2"))).as("keys are scoped by tenant").isEqualTo(1);
        }
        assertThatThrownBy(() -> exec("UPDATE idempotency_record SET status = 'COMPLETED' WHERE tenant_id = 't1'"))
                .hasMessageContaining("idempotency_completed_has_response");
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }
}
