package dev.cpq.catalog.version.control;

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

/**
 * The catalog's migrations applied to a scratch schema of the real PostgreSQL, and the business rules
 * the schema itself guards.
 */
class CatalogSchemaIT {

    private final String schema = "catalog_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private RealServices.Postgres pg;
    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        pg = RealServices.postgres();
        Flyway.configure().dataSource(pg.url(), pg.user(), pg.password())
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/migration/catalog").load().migrate();
        db = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        db.setSchema(schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        db.close();
    }

    @Test
    void aTenantHasAtMostOneActiveCatalogVersion() throws SQLException {
        exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t1', 1, 'PUBLISHED', now())");
        exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t2', 1, 'PUBLISHED', now())");
        assertThatThrownBy(() -> exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t1', 2, 'PUBLISHED', now())"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("catalog_one_active_per_tenant");
        // superseding the first makes room for the second
        exec("UPDATE catalog SET status = 'SUPERSEDED' WHERE tenant_id = 't1' AND version_no = 1");
        exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t1', 2, 'PUBLISHED', now())");
        assertThat(count("SELECT count(*) FROM catalog WHERE status = 'PUBLISHED'")).isEqualTo(2);
    }

    @Test
    void aVersionNumberIsUsedOncePerTenant() throws SQLException {
        exec("INSERT INTO catalog (tenant_id, version_no, status) VALUES ('t1', 1, 'DRAFT')");
        assertThatThrownBy(() -> exec("INSERT INTO catalog (tenant_id, version_no, status) VALUES ('t1', 1, 'DRAFT')"))
                .hasMessageContaining("catalog_version_unique");
    }

    @Test
    void publicationTimeGoesWithPublishedStatusOnly() {
        assertThatThrownBy(() -> exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t1', 1, 'DRAFT', now())"))
                .hasMessageContaining("catalog_published_at_iff_published");
        assertThatThrownBy(() -> exec("INSERT INTO catalog (tenant_id, version_no, status) VALUES ('t1', 1, 'PUBLISHED')"))
                .hasMessageContaining("catalog_published_at_iff_published");
    }

    @Test
    void tenantIdsThatWouldBreakCacheKeysAreRefused() {
        assertThatThrownBy(() -> exec("INSERT INTO catalog (tenant_id, version_no, status) VALUES ('a:b', 1, 'DRAFT')"))
                .hasMessageContaining("catalog_tenant_shape");
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = db.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
