package dev.cpq.pricing.calculation.control;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.calculation.entity.KnownCatalogVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import javax.sql.DataSource;

@ApplicationScoped
public class JdbcKnownCatalogVersions implements KnownCatalogVersions {

    private DataSource dataSource;
    private TenantContext tenant;

    protected JdbcKnownCatalogVersions() {}

    @Inject
    public JdbcKnownCatalogVersions(DataSource dataSource, TenantContext tenant) {
        this.dataSource = dataSource;
        this.tenant = tenant;
    }

    @Override
    public OptionalLong activeVersion() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT active_version FROM known_catalog_version WHERE tenant_id = ?")) {
            ps.setString(1, tenant.tenant().value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the known catalog version", e);
        }
    }
}
