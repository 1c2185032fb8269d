package dev.cpq.catalog.core.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The rules of one family in one catalog version. Part of the catalog version aggregate: replaced only
 * through a draft, whose version every change raises.
 */
@Entity
@Table(name = "catalog_rule_set")
public class RuleSet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "catalog_id", nullable = false, updatable = false)
    private long catalogId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "family", nullable = false, updatable = false)
    private String family;

    @Convert(converter = ConfigurationRulesConverter.class)
    @Column(name = "rules", nullable = false)
    private List<ConfigurationRule> rules;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RuleSet() {
        // for JPA
    }

    private RuleSet(long catalogId, String tenantId, String family, List<ConfigurationRule> rules, Instant now) {
        this.catalogId = catalogId;
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.family = Objects.requireNonNull(family, "family");
        replaceWith(rules, now);
    }

    /** The rules of a family of a draft: only the version's own command makes them. */
    static RuleSet of(long catalogId, String tenantId, String family, List<ConfigurationRule> rules, Instant now) {
        return new RuleSet(catalogId, tenantId, family, rules, now);
    }

    void replaceWith(List<ConfigurationRule> newRules, Instant now) {
        this.rules = new RuleGraph(1, family, newRules).rules();
        this.updatedAt = now;
    }

    public String family() {
        return family;
    }

    public List<ConfigurationRule> rules() {
        return rules;
    }

    public RuleGraph graphOf(long catalogVersion) {
        return new RuleGraph(catalogVersion, family, rules);
    }
}
