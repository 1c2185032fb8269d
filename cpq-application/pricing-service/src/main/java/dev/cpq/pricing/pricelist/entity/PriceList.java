package dev.cpq.pricing.pricelist.entity;

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
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a tenant's price list: edited while DRAFT, the list's active version once PUBLISHED,
 * SUPERSEDED when a later version is published. Its entries ({@link PriceEntry}) belong to it, and
 * every change of them raises its row version (the ETag). State changes only through its commands.
 * The class is named after the aggregate so that a lost optimistic race reports PRICE_LIST_VERSION_CONFLICT.
 */
@Entity
@Table(name = "price_list")
public class PriceList implements PublishableVersion<PriceList> {

    public static final int MAX_NAME_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "price_list_id", nullable = false, updatable = false)
    private String priceListId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private long versionNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private PriceListStatus status;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "staleness_policy", nullable = false, updatable = false)
    private StalenessPolicy stalenessPolicy;

    @Column(name = "validity_days", nullable = false, updatable = false)
    private int validityDays;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected PriceList() {
        // for JPA
    }

    private PriceList(String tenantId, PriceListId priceListId, PriceListVersion version, PriceListTerms terms, Instant now) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.priceListId = priceListId.value();
        this.versionNo = version.sequence();
        this.status = PriceListStatus.DRAFT;
        this.name = terms.name();
        this.stalenessPolicy = terms.stalenessPolicy();
        this.validityDays = terms.validityDays().days();
        this.createdAt = Objects.requireNonNull(now, "now");
    }

    /** A new draft version with the given terms; its entries are edited until it is published. */
    public static PriceList draft(String tenantId, PriceListId priceListId, PriceListVersion version, PriceListTerms terms, Instant now) {
        return new PriceList(tenantId, priceListId, version, terms, now);
    }

    /** The list's publication rule: a draft older than the active version would move the list backwards. */
    @Override
    public void requirePublishableOver(PriceList active) {
        if (active.version().isNewerThan(version())) {
            throw new PriceListVersionOutdatedException(priceListId(), versionNo, active.version().sequence());
        }
    }

    /** The draft becomes the list's active version. */
    @Override
    public void publish(Instant now) {
        requireDraft();
        this.status = PriceListStatus.PUBLISHED;
        this.publishedAt = Objects.requireNonNull(now, "now");
    }

    /** A later version was published: this one is history now. */
    @Override
    public void supersede() {
        if (status != PriceListStatus.PUBLISHED) {
            throw new IllegalStateException("only the published version is superseded, not a " + status + " one");
        }
        this.status = PriceListStatus.SUPERSEDED;
    }

    /** Only a draft is edited or published; published and superseded versions are what prices were made against. */
    @Override
    public void requireDraft() {
        if (status != PriceListStatus.DRAFT) {
            throw new PriceListVersionNotDraftException(priceListId(), version(), status);
        }
    }

    public boolean isDraft() {
        return status == PriceListStatus.DRAFT;
    }

    public long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public PriceListId priceListId() {
        return new PriceListId(priceListId);
    }

    public PriceListVersion version() {
        return new PriceListVersion(versionNo);
    }

    public PriceListStatus status() {
        return status;
    }

    public PriceListTerms terms() {
        return new PriceListTerms(name, stalenessPolicy, new ValidityDays(validityDays));
    }

    public String name() {
        return name;
    }

    public StalenessPolicy stalenessPolicy() {
        return stalenessPolicy;
    }

    public ValidityDays validityDays() {
        return new ValidityDays(validityDays);
    }

    public Instant createdAt() {
        return createdAt;
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
