package dev.cpq.quote.expiry.control;

import dev.cpq.quote.expiry.entity.ExpiredQuote;
import dev.cpq.quote.expiry.entity.ExpiredQuotes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One statement per batch: lock due rows ({@code FOR UPDATE SKIP LOCKED}: the same row-lock discipline
 * as commands, so an accept holding a quote is never overtaken; it rechecks validity itself), set them
 * EXPIRED with a new row version, and write their audit entries. Plain JDBC on the transaction's
 * connection: the sweep runs outside any request, so there is no tenant to scope JPA queries by.
 */
@ApplicationScoped
public class JdbcExpiredQuotes implements ExpiredQuotes {

    static final String ACTOR = "system:quote-expiry";
    static final String SQL = "WITH due AS (SELECT quote_id, status, row_version FROM quote"
            + " WHERE status IN ('DRAFT', 'PRICED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED') AND valid_until <= now()"
            + " AND (CAST(? AS text) IS NULL OR tenant_id = CAST(? AS text))"
            + " ORDER BY valid_until LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " expired AS (UPDATE quote q SET status = 'EXPIRED', row_version = q.row_version + 1, updated_at = now() FROM due"
            + " WHERE q.quote_id = due.quote_id RETURNING q.tenant_id, q.quote_id, due.status AS from_status, due.row_version AS from_version,"
            + " q.row_version AS to_version),"
            + " audited AS (INSERT INTO audit_entry (tenant_id, actor, aggregate_type, aggregate_id, command, from_state, to_state, from_version,"
            + " to_version, outcome) SELECT tenant_id, '" + ACTOR + "', 'Quote', quote_id, 'quote.expire', from_status, 'EXPIRED', from_version,"
            + " to_version, 'SUCCEEDED' FROM expired)"
            + " SELECT tenant_id, quote_id, from_status, from_version, to_version FROM expired";

    private DataSource dataSource;

    protected JdbcExpiredQuotes() {}

    @Inject
    public JdbcExpiredQuotes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<ExpiredQuote> expireDue(int limit) {
        return expireDue(limit, null);
    }

    @Override
    public List<ExpiredQuote> expireDue(int limit, String tenantId) {
        try (Connection c = dataSource.getConnection()) {
            return expireDue(c, limit, tenantId);
        } catch (SQLException e) {
            throw new IllegalStateException("the expiry sweep could not expire quotes", e);
        }
    }

    /** On the caller's connection, in the caller's transaction (package-private for tests). */
    static List<ExpiredQuote> expireDue(Connection c, int limit) throws SQLException {
        return expireDue(c, limit, null);
    }

    /** Only {@code tenantId}'s quotes, or every tenant's when null (the schedule). */
    static List<ExpiredQuote> expireDue(Connection c, int limit, String tenantId) throws SQLException {
        List<ExpiredQuote> expired = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, tenantId);
            ps.setString(2, tenantId);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expired.add(new ExpiredQuote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return expired;
    }
}
