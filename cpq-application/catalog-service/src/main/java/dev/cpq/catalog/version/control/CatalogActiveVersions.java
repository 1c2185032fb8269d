package dev.cpq.catalog.version.control;

import dev.cpq.events.cache.CatalogCacheKeys;
import dev.cpq.events.cache.ConfigurationRuleCacheKeys;
import dev.cpq.catalog.core.entity.Catalogs;
import dev.cpq.platform.cache.entity.ActiveVersionSource;
import dev.cpq.platform.cache.entity.AuthoritativeVersion;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalLong;

/** The catalog's pointers (catalog, rule graphs) and the version the database says is active. */
@ApplicationScoped
public class CatalogActiveVersions implements ActiveVersionSource {

    private Catalogs catalogs;
    private TenantContext tenant;

    protected CatalogActiveVersions() {}

    @Inject
    public CatalogActiveVersions(Catalogs catalogs, TenantContext tenant) {
        this.catalogs = catalogs;
        this.tenant = tenant;
    }

    @Override
    public List<AuthoritativeVersion> activeVersions() {
        OptionalLong active = catalogs.active().map(c -> OptionalLong.of(c.version().sequence())).orElse(OptionalLong.empty());
        String t = tenant.tenant().value();
        return List.of(new AuthoritativeVersion(CatalogCacheKeys.line(t), active),
                new AuthoritativeVersion(ConfigurationRuleCacheKeys.line(t), active));
    }
}
