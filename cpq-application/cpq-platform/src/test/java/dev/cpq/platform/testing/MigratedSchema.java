package dev.cpq.platform.testing;

import dev.cpq.testing.RealServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A throwaway schema on the real PostgreSQL with one service's migrations applied, for tests of what the
 * schema itself guards (constraints, triggers, locks). Dropped with everything in it on {@link #close()}.
 */
public final class MigratedSchema implements AutoCloseable {

    private final RealServices.Postgres pg;
    private final String name;
    private final Connection connection;

    private MigratedSchema(RealServices.Postgres pg, String name) throws SQLException {
        this.pg = pg;
        this.name = name;
        this.connection = newConnection();
    }

    /** The migrations under {@code classpath:db/migration/<service>}, in a schema of their own. */
    public static MigratedSchema of(String service) throws SQLException {
        RealServices.Postgres pg = RealServices.postgres();
        String name = service + "_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure().dataSource(pg.url(), pg.user(), pg.password())
                .schemas(name).defaultSchema(name).createSchemas(true)
                .locations("classpath:db/migration/" + service).load().migrate();
        return new MigratedSchema(pg, name);
    }

    public String name() {
        return name;
    }

    /** The test's own session on the schema (auto-commit). */
    public Connection connection() {
        return connection;
    }

    /** Another session on the schema, e.g. for a concurrent transaction; the caller closes it. */
    public Connection newConnection() throws SQLException {
        Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
        c.setSchema(name);
        return c;
    }

    /** Runs one statement on the test's session. */
    public void exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row of a query, as a number (a count, a version). */
    public long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP SCHEMA " + name + " CASCADE");
        } finally {
            connection.close();
        }
    }
}
