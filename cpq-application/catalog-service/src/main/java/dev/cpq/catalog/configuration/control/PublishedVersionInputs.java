package dev.cpq.catalog.configuration.control;

import dev.cpq.catalog.core.entity.RuleGraph;
import dev.cpq.catalog.offering.control.PublishedOfferings;
import dev.cpq.catalog.offering.entity.OfferingDetail;
import dev.cpq.catalog.rule.control.PublishedRuleGraphs;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What validating a configuration reads of a published catalog version — the offering and its family's
 * rule graph — kept in this process once read (through the versioned cache) for that tenant and version.
 * A published version's content never changes, so an entry can never be stale; the bound only limits
 * memory. Validation runs for every line of every lines change and every submit, and reading both from
 * Redis and decoding them each time was a quarter of its cost. Readers of offerings (GET) keep going
 * through the versioned cache; a draft is never kept (reading it is refused before anything is kept).
 */
@ApplicationScoped
public class PublishedVersionInputs {

    /** Entries per kind; on reaching it the kind is emptied (re-reading a published version is cheap). */
    static final int CAPACITY = 4096;

    private record OfferingKey(String tenant, long catalogVersion, String offeringId) {}

    private record RuleGraphKey(String tenant, long catalogVersion, String family) {}

    private final Map<OfferingKey, OfferingDetail> offeringsRead = new ConcurrentHashMap<>();
    private final Map<RuleGraphKey, RuleGraph> ruleGraphsRead = new ConcurrentHashMap<>();

    private PublishedOfferings offerings;
    private PublishedRuleGraphs ruleGraphs;
    private TenantContext tenant;

    protected PublishedVersionInputs() {}

    @Inject
    public PublishedVersionInputs(PublishedOfferings offerings, PublishedRuleGraphs ruleGraphs, TenantContext tenant) {
        this.offerings = offerings;
        this.ruleGraphs = ruleGraphs;
        this.tenant = tenant;
    }

    public OfferingDetail offering(String offeringId, long catalogVersion) {
        return kept(offeringsRead, new OfferingKey(tenant.tenant().value(), catalogVersion, offeringId),
                () -> offerings.offering(offeringId, Optional.of(catalogVersion)));
    }

    public RuleGraph ruleGraph(long catalogVersion, String family) {
        return kept(ruleGraphsRead, new RuleGraphKey(tenant.tenant().value(), catalogVersion, family), () -> ruleGraphs.of(catalogVersion, family));
    }

    private static <K, V> V kept(Map<K, V> read, K key, Supplier<V> source) {
        V known = read.get(key);
        if (known != null) {
            return known;
        }
        V value = source.get();
        if (read.size() >= CAPACITY) {
            read.clear();
        }
        read.put(key, value);
        return value;
    }
}
