package dev.cpq.catalog.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.testing.MigratedSchema;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's migrations applied to a scratch schema of the real PostgreSQL, and the business rules
 * the schema itself guards.
 */
class CatalogSchemaIT {

    private MigratedSchema schema;
    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        schema = MigratedSchema.of("catalog");
        db = schema.connection();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        schema.close();
    }

    @Test
    void aTenantHasAtMostOneActiveCatalogVersion() throws SQLException {
        schema.exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t1', 1, 'PUBLISHED', now())");
        schema.exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t2', 1, 'PUBLISHED', now())");
        assertThatThrownBy(() -> schema.exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t1', 2, 'PUBLISHED', now())"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("catalog_one_active_per_tenant");
        // superseding the first makes room for the second
        schema.exec("UPDATE catalog SET status = 'SUPERSEDED' WHERE tenant_id = 't1' AND version_no = 1");
        schema.exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t1', 2, 'PUBLISHED', now())");
        assertThat(schema.count("SELECT count(*) FROM catalog WHERE status = 'PUBLISHED'")).isEqualTo(2);
    }

    @Test
    void aVersionNumberIsUsedOncePerTenant() throws SQLException {
        schema.exec("INSERT INTO catalog (tenant_id, version_no, status) VALUES ('t1', 1, 'DRAFT')");
        assertThatThrownBy(() -> schema.exec("INSERT INTO catalog (tenant_id, version_no, status) VALUES ('t1', 1, 'DRAFT')"))
                .hasMessageContaining("catalog_version_unique");
    }

    @Test
    void publicationTimeGoesWithPublishedStatusOnly() {
        assertThatThrownBy(() -> schema.exec("INSERT INTO catalog (tenant_id, version_no, status, published_at) VALUES ('t1', 1, 'DRAFT', now())"))
                .hasMessageContaining("catalog_published_at_iff_published");
        assertThatThrownBy(() -> schema.exec("INSERT INTO catalog (tenant_id, version_no, status) VALUES ('t1', 1, 'PUBLISHED')"))
                .hasMessageContaining("catalog_published_at_iff_published");
    }

    @Test
    void tenantIdsThatWouldBreakCacheKeysAreRefused() {
        assertThatThrownBy(() -> schema.exec("INSERT INTO catalog (tenant_id, version_no, status) VALUES ('a:b', 1, 'DRAFT')"))
                .hasMessageContaining("catalog_tenant_shape");
    }
}
