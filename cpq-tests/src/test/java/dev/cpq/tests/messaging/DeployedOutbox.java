package dev.cpq.tests.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.testing.RealServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The deployed catalog's outbox table, read as the catalog's own role (what an operator's SQL would see). */
final class DeployedOutbox {

    private DeployedOutbox() {}

    static Connection catalog() throws SQLException {
        String password = System.getenv("CPQ_CATALOG_DB_PASSWORD");
        assertThat(password).as("CPQ_CATALOG_DB_PASSWORD (exported by deploy/cpq test)").isNotBlank();
        return DriverManager.getConnection(RealServices.postgres().url(), "catalog", password);
    }

    /** One number about a tenant's rows of the catalog's outbox ({@code ?} is the tenant). */
    static long catalogScalar(String sql, String tenant) {
        try (Connection c = catalog(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
