package dev.cpq.pricing.pricelist.control;

import dev.cpq.events.cache.PriceListCacheKeys;
import dev.cpq.platform.cache.entity.ActiveVersionSource;
import dev.cpq.platform.cache.entity.AuthoritativeVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.pricelist.entity.PriceLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** For {@code GET /ops/cache/pointers}: each price list of the caller's tenant with its published version. */
@ApplicationScoped
public class PriceListActiveVersions implements ActiveVersionSource {

    private PriceLists priceLists;
    private TenantContext tenant;

    protected PriceListActiveVersions() {}

    @Inject
    public PriceListActiveVersions(PriceLists priceLists, TenantContext tenant) {
        this.priceLists = priceLists;
        this.tenant = tenant;
    }

    @Override
    public List<AuthoritativeVersion> activeVersions() {
        String t = tenant.tenant().value();
        return priceLists.activeVersions().entrySet().stream()
                .map(e -> new AuthoritativeVersion(PriceListCacheKeys.line(t, e.getKey().value()), e.getValue()))
                .toList();
    }
}
