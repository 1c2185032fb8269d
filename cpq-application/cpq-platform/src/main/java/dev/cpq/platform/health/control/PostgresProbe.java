package dev.cpq.platform.health.control;

import dev.cpq.platform.health.entity.DependencyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

@ApplicationScoped
public class PostgresProbe implements DependencyProbe {

    private DataSource dataSource;

    protected PostgresProbe() {}

    @Inject
    public PostgresProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public DependencyStatus probe() {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                rs.next();
                return DependencyStatus.up("postgres", elapsed(t0), "schema " + rs.getString(1));
            }
        } catch (SQLException | RuntimeException e) {
            return DependencyStatus.down("postgres", elapsed(t0), e.getMessage());
        }
    }

    static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
