package dev.cpq.pricing.calculation.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.platform.json.control.JsonDialect;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.approval.entity.ApprovalSignal;
import dev.cpq.pricing.approval.entity.CallerClass;
import dev.cpq.pricing.calculation.entity.PriceResults;
import dev.cpq.pricing.calculation.entity.PriceTotals;
import dev.cpq.pricing.calculation.entity.PricedCalculation;
import dev.cpq.pricing.calculation.entity.PricedContent;
import dev.cpq.pricing.calculation.entity.PricedLine;
import dev.cpq.pricing.pricelist.entity.StalenessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Price results in plain JDBC: rows are written once and read whole, so there is nothing for JPA to
 * manage, and the uuid key binds natively. Runs on the connection of the current JTA transaction.
 */
@ApplicationScoped
public class JdbcPriceResults implements PriceResults {

    /** The parts of a result kept as one JSON document (the rest are columns). */
    record Body(List<PricedLine> lines, PriceTotals totals, List<ApprovalSignal> approvalSignals) {}

    private static final String COLUMNS = "price_result_id, input_hash, price_hash, price_list_id, price_list_version, catalog_version,"
            + " policy_version, staleness_policy, caller_class, currency, market, channel, priced_at, valid_until, body";

    private DataSource dataSource;
    private TenantContext tenant;
    private final ObjectMapper json = JsonDialect.strictMapper();

    protected JdbcPriceResults() {}

    @Inject
    public JdbcPriceResults(DataSource dataSource, TenantContext tenant) {
        this.dataSource = dataSource;
        this.tenant = tenant;
    }

    @Override
    public void lockInput(String inputHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "price-result:" + tenant.tenant().value() + ":" + inputHash);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the calculation of " + inputHash, e);
        }
    }

    @Override
    public Optional<PricedCalculation> newestValidBeyond(String inputHash, Instant validBeyond) {
        return one("SELECT " + COLUMNS + " FROM price_result WHERE tenant_id = ? AND input_hash = ? AND valid_until > ?"
                + " ORDER BY valid_until DESC LIMIT 1", ps -> {
                    ps.setString(1, tenant.tenant().value());
                    ps.setString(2, inputHash);
                    ps.setObject(3, OffsetDateTime.ofInstant(validBeyond, ZoneOffset.UTC));
                });
    }

    @Override
    public Optional<PricedCalculation> byId(UUID priceResultId) {
        return one("SELECT " + COLUMNS + " FROM price_result WHERE tenant_id = ? AND price_result_id = ?", ps -> {
            ps.setString(1, tenant.tenant().value());
            ps.setObject(2, priceResultId);
        });
    }

    @Override
    public void add(PricedCalculation result) {
        PricedContent c = result.content();
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement("INSERT INTO price_result (tenant_id, " + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, tenant.tenant().value());
            ps.setObject(2, result.priceResultId());
            ps.setString(3, result.inputHash());
            ps.setString(4, result.priceHash());
            ps.setString(5, c.priceListId());
            ps.setLong(6, c.priceListVersion());
            ps.setLong(7, c.catalogVersion());
            ps.setLong(8, c.policyVersion());
            ps.setString(9, c.stalenessPolicy().name());
            ps.setString(10, c.callerClass().name());
            ps.setString(11, c.currency());
            ps.setString(12, c.market());
            ps.setString(13, c.channel());
            ps.setObject(14, OffsetDateTime.ofInstant(result.pricedAt(), ZoneOffset.UTC));
            ps.setObject(15, OffsetDateTime.ofInstant(result.validUntil(), ZoneOffset.UTC));
            ps.setString(16, json.writeValueAsString(new Body(c.lines(), c.totals(), c.approvalSignals())));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store price result " + result.priceResultId(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<PricedCalculation> one(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read price results", e);
        }
    }

    private PricedCalculation read(ResultSet rs) throws SQLException, JsonProcessingException {
        Body body = json.readValue(rs.getString("body"), Body.class);
        PricedContent content = new PricedContent(rs.getString("price_list_id"), rs.getLong("price_list_version"),
                rs.getLong("catalog_version"), rs.getLong("policy_version"), CallerClass.valueOf(rs.getString("caller_class")),
                rs.getString("currency"), rs.getString("market"), rs.getString("channel"),
                StalenessPolicy.valueOf(rs.getString("staleness_policy")), body.lines(), body.totals(), body.approvalSignals());
        return new PricedCalculation(rs.getObject("price_result_id", UUID.class), rs.getString("input_hash"), rs.getString("price_hash"),
                rs.getObject("priced_at", OffsetDateTime.class).toInstant(), rs.getObject("valid_until", OffsetDateTime.class).toInstant(),
                content);
    }
}
