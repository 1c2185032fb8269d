package dev.cpq.catalog.rule.control;

import dev.cpq.events.cache.ConfigurationRuleCacheKeys;
import dev.cpq.catalog.rule.entity.RuleGraph;
import dev.cpq.catalog.rule.entity.RuleSet;
import dev.cpq.catalog.rule.entity.RuleSets;
import dev.cpq.catalog.version.entity.Catalog;
import dev.cpq.catalog.version.entity.CatalogStatus;
import dev.cpq.catalog.version.entity.CatalogVersion;
import dev.cpq.catalog.version.entity.CatalogVersionNotFoundException;
import dev.cpq.catalog.version.entity.CatalogVersionNotPublishedException;
import dev.cpq.catalog.version.entity.Catalogs;
import dev.cpq.platform.cache.control.CachedReads;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The rule graph of a family in a published catalog version, cached per version and family (immutable once published). */
@ApplicationScoped
public class PublishedRuleGraphs {

    private Catalogs catalogs;
    private RuleSets ruleSets;
    private CachedReads reads;
    private TenantContext tenant;

    protected PublishedRuleGraphs() {}

    @Inject
    public PublishedRuleGraphs(Catalogs catalogs, RuleSets ruleSets, CachedReads reads, TenantContext tenant) {
        this.catalogs = catalogs;
        this.ruleSets = ruleSets;
        this.reads = reads;
        this.tenant = tenant;
    }

    public RuleGraph of(long catalogVersion, String family) {
        return reads.projection(ConfigurationRuleCacheKeys.ruleGraph(tenant.tenant().value(), catalogVersion, family), RuleGraph.class, () -> {
            Catalog catalog = catalogs.byVersion(new CatalogVersion(catalogVersion))
                    .orElseThrow(() -> new CatalogVersionNotFoundException(catalogVersion));
            if (catalog.status() == CatalogStatus.DRAFT) {
                throw new CatalogVersionNotPublishedException(catalog.version());
            }
            return ruleSets.find(catalog.id(), family).map(r -> r.graphOf(catalogVersion))
                    .orElseGet(() -> RuleGraph.empty(catalogVersion, family));
        });
    }
}
