package dev.cpq.archfixture.lower;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Deliberately wrong: runs SQL in a lower module without being declared tenant-wide, for the convention's own test. */
public class RowCounter {

    public long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM parked_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
