package dev.cpq.pricing.pricelist.entity;

import dev.cpq.pricing.money.entity.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The price of one offering in one scope (currency, market, channel) of a price list version. Part of
 * the version's aggregate: written only while the version is a draft (the schema enforces it too).
 */
@Entity
@Table(name = "price_list_entry")
public class PriceEntry {

    /** Offering ids as catalog-service issues them. */
    public static final String OFFERING_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "price_list_ref", nullable = false, updatable = false)
    private long priceListRef;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "offering_id", nullable = false, updatable = false)
    private String offeringId;

    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;

    @Column(name = "market", nullable = false, updatable = false)
    private String market;

    @Column(name = "channel", nullable = false, updatable = false)
    private String channel;

    @Column(name = "one_time", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal oneTime;

    @Column(name = "recurring_monthly", nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal recurringMonthly;

    @Column(name = "updated_at", nullable = false, updatable = false)
    private Instant updatedAt;

    protected PriceEntry() {
        // for JPA
    }

    private PriceEntry(PriceList draft, String offeringId, PricePoint price, Instant now) {
        draft.requireDraft();
        this.priceListRef = draft.id();
        this.tenantId = draft.tenantId();
        if (offeringId == null || !offeringId.matches(OFFERING_ID_PATTERN)) {
            throw new IllegalArgumentException("not an offering id: " + offeringId);
        }
        this.offeringId = offeringId;
        this.currency = price.scope().currencyCode();
        this.market = price.scope().market();
        this.channel = price.scope().channel();
        this.oneTime = price.oneTime().amount();
        this.recurringMonthly = price.recurringMonthly().amount();
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    /** A price of a draft version (replacing an offering's prices removes the old entries first). */
    public static PriceEntry of(PriceList draft, String offeringId, PricePoint price, Instant now) {
        return new PriceEntry(draft, offeringId, price, now);
    }

    public String offeringId() {
        return offeringId;
    }

    public PricePoint price() {
        PriceScope scope = PriceScope.of(currency, market, channel);
        return new PricePoint(scope, Money.of(oneTime, scope.currency()), Money.of(recurringMonthly, scope.currency()));
    }
}
