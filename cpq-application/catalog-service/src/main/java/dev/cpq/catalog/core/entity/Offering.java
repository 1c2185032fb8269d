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
import java.util.Locale;
import java.util.Objects;

/**
 * A product offering in one catalog version. Part of the catalog version aggregate: it changes only
 * through the version's draft, whose version number every change raises.
 */
@Entity
@Table(name = "catalog_offering")
public class Offering {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "catalog_id", nullable = false, updatable = false)
    private long catalogId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "offering_id", nullable = false, updatable = false)
    private String offeringId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "family", nullable = false)
    private String family;

    @Convert(converter = OfferingOptionsConverter.class)
    @Column(name = "options", nullable = false)
    private List<OfferingOption> options;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Offering() {
        // for JPA
    }

    private Offering(long catalogId, String tenantId, String offeringId, String name, String family, List<OfferingOption> options,
            Instant now) {
        this.catalogId = catalogId;
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.offeringId = Objects.requireNonNull(offeringId, "offeringId");
        replaceWith(name, family, options, now);
    }

    /** A new offering of a draft catalog version: only the version's own command makes one. */
    static Offering of(long catalogId, String tenantId, String offeringId, String name, String family, List<OfferingOption> options,
            Instant now) {
        return new Offering(catalogId, tenantId, offeringId, name, family, options, now);
    }

    /** Replaces what the offering is, as a PUT does (through the version's command). */
    void replaceWith(String newName, String newFamily, List<OfferingOption> newOptions, Instant now) {
        // the invariant; editors' input is checked with field names before it gets here (OfferingOption.listOf)
        if (newOptions.stream().map(o -> o.code().toLowerCase(Locale.ROOT)).distinct().count() != newOptions.size()) {
            throw new IllegalArgumentException("an offering lists an option code twice (or twice but for letter case)");
        }
        this.name = Objects.requireNonNull(newName, "name");
        this.family = Objects.requireNonNull(newFamily, "family");
        this.options = List.copyOf(newOptions);
        this.updatedAt = now;
    }

    public String offeringId() {
        return offeringId;
    }

    public String name() {
        return name;
    }

    public String family() {
        return family;
    }

    public List<OfferingOption> options() {
        return options;
    }
}
