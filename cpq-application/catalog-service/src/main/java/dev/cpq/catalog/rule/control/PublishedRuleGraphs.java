package dev.cpq.catalog.rule.control;

import dev.cpq.events.cache.ConfigurationRuleCacheKeys;
import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.catalog.core.entity.Catalogs;
import dev.cpq.catalog.core.entity.RuleGraph;
import dev.cpq.platform.cache.control.CachedReads;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The rule graph of a family in a published catalog version, cached per version and family (immutable once published). */
@ApplicationScoped
public class PublishedRuleGraphs {

    private Catalogs catalogs;
    private CachedReads reads;
    private TenantContext tenant;

    protected PublishedRuleGraphs() {}

    @Inject
    public PublishedRuleGraphs(Catalogs catalogs, CachedReads reads, TenantContext tenant) {
        this.catalogs = catalogs;
        this.reads = reads;
        this.tenant = tenant;
    }

    public RuleGraph of(long catalogVersion, String family) {
        return reads.projection(ConfigurationRuleCacheKeys.ruleGraph(tenant.tenant().value(), catalogVersion, family), RuleGraph.class, () -> {
            Catalog catalog = catalogs.published(catalogVersion);
            return catalogs.ruleSet(catalog, family).map(r -> r.graphOf(catalogVersion))
                    .orElseGet(() -> RuleGraph.empty(catalogVersion, family));
        });
    }
}
