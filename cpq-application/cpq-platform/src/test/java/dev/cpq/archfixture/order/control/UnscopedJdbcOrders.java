package dev.cpq.archfixture.order.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Deliberately wrong: queries through JDBC without knowing the tenant, for the convention's own test. */
public class UnscopedJdbcOrders {

    DataSource dataSource;

    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM orders");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
