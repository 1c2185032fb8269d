package dev.cpq.catalog.core.entity;

import dev.cpq.platform.publication.entity.PublishableVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a tenant's catalog, the catalog's one aggregate: edited while DRAFT, the tenant's
 * active catalog once PUBLISHED, SUPERSEDED when a later version is published. Its offerings and rule
 * sets belong to it and change only through its commands ({@link #putOffering}, {@link #replaceRules}),
 * which keep the draft-only and rule-validity invariants; {@link Catalogs} loads and stores them.
 */
@Entity
@Table(name = "catalog")
public class Catalog implements PublishableVersion<Catalog> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private long versionNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CatalogStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "description")
    private String description;

    @Column(name = "based_on_version", updatable = false)
    private Long basedOnVersion;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Catalog() {
        // for JPA
    }

    private Catalog(String tenantId, CatalogVersion version, String description, CatalogVersion basedOn, Instant now) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.basedOnVersion = basedOn == null ? null : basedOn.sequence();
        this.versionNo = version.sequence();
        this.status = CatalogStatus.DRAFT;
        this.description = description;
        this.createdAt = now;
    }

    public static Catalog draft(String tenantId, CatalogVersion version, Instant now) {
        return new Catalog(tenantId, version, null, null, now);
    }

    /**
     * A new draft version, starting as a copy of {@code basedOn} (the version active when it was opened,
     * null for the first); its content is edited until it is published.
     */
    public static Catalog draft(String tenantId, CatalogVersion version, String description, CatalogVersion basedOn, Instant now) {
        if (description != null && description.length() > 500) {
            throw new IllegalArgumentException("a catalog description has at most 500 characters");
        }
        if (basedOn != null && !version.isNewerThan(basedOn)) {
            throw new IllegalArgumentException("a draft is based on an earlier version, not on " + basedOn);
        }
        return new Catalog(tenantId, version, description, basedOn, now);
    }

    public Optional<CatalogVersion> basedOn() {
        return Optional.ofNullable(basedOnVersion).map(CatalogVersion::new);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Creates or replaces an offering of this draft, as a PUT does.
     *
     * @param current the offering of that id in this version, if it has one
     * @return the offering to store
     */
    public Offering putOffering(Optional<Offering> current, String offeringId, String name, String family, List<OfferingOption> options,
            Instant now) {
        requireDraft();
        if (current.isPresent()) {
            current.get().replaceWith(name, family, options, now);
            return current.get();
        }
        return Offering.of(id, tenantId, offeringId, name, family, options, now);
    }

    /**
     * Replaces the configuration rules of a family of this draft. Rules may only name option values that
     * the family's offerings in this version define.
     *
     * @param current the family's rule set in this version, if it has one
     * @param familyOfferings the family's offerings in this version
     * @return the rule set to store
     */
    public RuleSet replaceRules(String family, Optional<RuleSet> current, List<Offering> familyOfferings, List<ConfigurationRule> rules,
            Instant now) {
        requireDraft();
        requireKnownValues(family, familyOfferings, rules);
        if (current.isPresent()) {
            current.get().replaceWith(rules, now);
            return current.get();
        }
        return RuleSet.of(id, tenantId, family, rules, now);
    }

    private static void requireKnownValues(String family, List<Offering> familyOfferings, List<ConfigurationRule> rules) {
        Set<OptionValue> known = new HashSet<>();
        for (Offering o : familyOfferings) {
            for (OfferingOption option : o.options()) {
                option.values().forEach(v -> known.add(new OptionValue(option.code(), v)));
            }
        }
        for (ConfigurationRule rule : rules) {
            for (OptionValue v : List.of(rule.when(), rule.then())) {
                if (!known.contains(v)) {
                    throw new UnknownRuleOptionException(family, v);
                }
            }
        }
    }

    /** The catalog's publication rule: a draft older than the active version would move the catalog backwards. */
    @Override
    public void requirePublishableOver(Catalog active) {
        if (active.version().isNewerThan(version())) {
            throw new CatalogVersionOutdatedException(versionNo, active.version().sequence());
        }
    }

    /** The draft becomes the tenant's active version. */
    @Override
    public void publish(Instant now) {
        requireDraft();
        this.status = CatalogStatus.PUBLISHED;
        this.publishedAt = Objects.requireNonNull(now, "now");
    }

    /** A later version was published: this one is history now. */
    @Override
    public void supersede() {
        if (status != CatalogStatus.PUBLISHED) {
            throw new IllegalStateException("only the published version is superseded, not a " + status + " one");
        }
        this.status = CatalogStatus.SUPERSEDED;
    }

    /** Only a draft is edited; a published or superseded version is history. */
    @Override
    public void requireDraft() {
        if (status != CatalogStatus.DRAFT) {
            throw new CatalogVersionNotDraftException(version(), status);
        }
    }

    public long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public CatalogVersion version() {
        return new CatalogVersion(versionNo);
    }

    public CatalogStatus status() {
        return status;
    }

    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    @Override
    public String statusName() {
        return status.name();
    }

    @Override
    public long rowVersion() {
        return rowVersion;
    }
}
