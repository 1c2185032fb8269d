package dev.cpq.catalog.configuration.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.catalog.core.entity.CatalogVersion;
import dev.cpq.catalog.core.entity.CatalogVersionNotPublishedException;
import dev.cpq.catalog.core.entity.RuleGraph;
import dev.cpq.catalog.offering.control.PublishedOfferings;
import dev.cpq.catalog.offering.entity.OfferingDetail;
import dev.cpq.catalog.rule.control.PublishedRuleGraphs;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A published version's validation inputs are read once per tenant and version; a draft is never kept. */
class PublishedVersionInputsTest {

    private final List<String> reads = new ArrayList<>();
    private String currentTenant = "t1";
    private long draftVersion = 9;

    private final PublishedOfferings offerings = new PublishedOfferings() {
        @Override
        public OfferingDetail offering(String offeringId, Optional<Long> catalogVersion) {
            long version = catalogVersion.orElseThrow();
            reads.add("offering " + currentTenant + " v" + version + " " + offeringId);
            if (version == draftVersion) {
                throw new CatalogVersionNotPublishedException(new CatalogVersion(version));
            }
            return new OfferingDetail(version, offeringId, "Fiber", "internet", List.of());
        }
    };

    private final PublishedRuleGraphs ruleGraphs = new PublishedRuleGraphs() {
        @Override
        public RuleGraph of(long catalogVersion, String family) {
            reads.add("rules " + currentTenant + " v" + catalogVersion + " " + family);
            return RuleGraph.empty(catalogVersion, family);
        }
    };

    private final TenantContext tenant = new TenantContext() {
        @Override
        public Caller caller() {
            return new Caller("agent-1", new TenantId(currentTenant), Set.of("SALES_AGENT"));
        }

        @Override
        public TenantId tenant() {
            return new TenantId(currentTenant);
        }
    };

    private final PublishedVersionInputs inputs = new PublishedVersionInputs(offerings, ruleGraphs, tenant);

    @Test
    void aPublishedVersionIsReadOncePerTenantAndVersion() {
        inputs.offering("fiber-1g", 3);
        inputs.ruleGraph(3, "internet");
        inputs.offering("fiber-1g", 3);
        inputs.ruleGraph(3, "internet");
        assertThat(reads).containsExactly("offering t1 v3 fiber-1g", "rules t1 v3 internet");

        inputs.offering("fiber-1g", 4);
        currentTenant = "t2";
        inputs.offering("fiber-1g", 3);
        assertThat(reads).containsExactly("offering t1 v3 fiber-1g", "rules t1 v3 internet", "offering t1 v4 fiber-1g",
                "offering t2 v3 fiber-1g");
    }

    @Test
    void aRefusedReadIsNeverKept() {
        assertThatThrownBy(() -> inputs.offering("fiber-1g", 9)).isInstanceOf(CatalogVersionNotPublishedException.class);
        draftVersion = -1; // published meanwhile: now it is read, and kept
        inputs.offering("fiber-1g", 9);
        inputs.offering("fiber-1g", 9);
        assertThat(reads).containsExactly("offering t1 v9 fiber-1g", "offering t1 v9 fiber-1g");
    }
}
