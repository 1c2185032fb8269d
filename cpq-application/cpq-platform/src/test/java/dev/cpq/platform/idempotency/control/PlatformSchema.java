package dev.cpq.platform.idempotency.control;

import dev.cpq.testing.RealServices;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway schema on the real PostgreSQL with the platform's own migrations (idempotency, audit), for the
 * idempotency ITs; closing it drops the schema.
 */
final class PlatformSchema implements AutoCloseable {

    private final String name;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private PlatformSchema(String prefix) {
        name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        RealServices.Postgres pg = RealServices.postgres();
        Flyway.configure().dataSource(pg.url(), pg.user(), pg.password()).schemas(name).defaultSchema(name)
                .table("flyway_platform_history").locations("classpath:dev/cpq/platform/db").load().migrate();
        dataSource.setUrl(pg.url());
        dataSource.setUser(pg.user());
        dataSource.setPassword(pg.password());
        dataSource.setCurrentSchema(name);
    }

    static PlatformSchema migrated(String prefix) {
        return new PlatformSchema(prefix);
    }

    PGSimpleDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
