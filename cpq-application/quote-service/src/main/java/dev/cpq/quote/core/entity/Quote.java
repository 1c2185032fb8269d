package dev.cpq.quote.core.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.platform.command.entity.AuditedAggregate;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import dev.cpq.quote.authority.entity.PriceResult;
import dev.cpq.quote.authority.entity.StalenessPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A quote: the aggregate. {@code rowVersion} (the ETag) rises with every change; {@code revisionId}
 * changes with every commercial change (lines, options, quantities, terms, discounts), which clears the
 * price and sends the quote back to DRAFT. A price, an approval and an acceptance always name the
 * revision (and price result) they are for. State changes only through the commands below.
 */
@Entity
@Table(name = "quote")
public class Quote implements AuditedAggregate {

    /** The aggregate's type in audit rows and change events. */
    public static final String TYPE = "Quote";

    /** How long a quote is valid when its creator does not say. */
    public static final int DEFAULT_VALIDITY_DAYS = 30;
    public static final int MAX_VALIDITY_DAYS = 365;
    public static final int MAX_LINES = 100;

    @Id
    @Column(name = "quote_id", nullable = false, updatable = false)
    private String quoteId;

    /** Creation order, assigned by the database (read for the worklist; absent on a quote not yet read back). */
    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;

    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;

    @Column(name = "market", nullable = false, updatable = false)
    private String market;

    @Column(name = "channel", nullable = false, updatable = false)
    private String channel;

    @Column(name = "price_list_id", nullable = false, updatable = false)
    private String priceListId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private QuoteStatus status;

    @Column(name = "revision_id", nullable = false)
    private String revisionId;

    @Column(name = "revision_no", nullable = false)
    private int revisionNo;

    @Convert(converter = JsonColumns.Lines.class)
    @Column(name = "lines", nullable = false)
    private List<QuoteLine> lines;

    @Column(name = "catalog_version")
    private Long catalogVersion;

    @Column(name = "configuration_hash")
    private String configurationHash;

    @Column(name = "price_result_id")
    private String priceResultId;

    @Column(name = "price_list_version")
    private Long priceListVersion;

    @Column(name = "price_hash")
    private String priceHash;

    @Column(name = "price_valid_until")
    private Instant priceValidUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "staleness_policy")
    private StalenessPolicy stalenessPolicy;

    @Column(name = "policy_version")
    private Long policyVersion;

    @Convert(converter = JsonColumns.Signals.class)
    @Column(name = "approval_signals")
    private List<ApprovalSignal> approvalSignals;

    @Convert(converter = JsonColumns.Tree.class)
    @Column(name = "priced_lines")
    private JsonNode pricedLines;

    @Convert(converter = JsonColumns.Tree.class)
    @Column(name = "totals")
    private JsonNode totals;

    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;

    @Column(name = "order_id")
    private String orderId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    /** The owner's role classes, recorded at creation: the approval requirement never uses a higher limit than the owner's. */
    @Column(name = "owner_role_classes", nullable = false, updatable = false)
    private String ownerRoleClasses;

    /** When pricing made the recorded price result (null for results recorded before it was kept). */
    @Column(name = "price_priced_at")
    private Instant pricedAt;

    /** Submits so far: each submit decides again, in a new round whose decisions alone count. */
    @Column(name = "approval_round", nullable = false)
    private int approvalRound;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    /** Status and version as this transaction loaded the quote: the "before" of the command's audit row. */
    @Transient
    private StateAndVersion asLoaded;

    protected Quote() {
        // for JPA
    }

    /** A new, empty DRAFT quote valid until {@code validUntil} (null: {@value #DEFAULT_VALIDITY_DAYS} days). */
    public static Quote create(QuoteId id, String tenantId, String customerId, String currency, String market, String channel,
            String priceListId, String createdBy, Instant validUntil, Instant now) {
        Quote q = new Quote();
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Instant until = validUntil == null ? at.plus(DEFAULT_VALIDITY_DAYS, ChronoUnit.DAYS) : validUntil.truncatedTo(ChronoUnit.MILLIS);
        if (!until.isAfter(at) || until.isAfter(at.plus(MAX_VALIDITY_DAYS, ChronoUnit.DAYS))) {
            throw new IllegalArgumentException("validUntil lies in the future, at most " + MAX_VALIDITY_DAYS + " days ahead");
        }
        q.quoteId = id.toString();
        q.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        q.customerId = Objects.requireNonNull(customerId, "customerId");
        q.currency = requirePriceableCurrency(currency);
        q.market = Objects.requireNonNull(market, "market");
        q.channel = Objects.requireNonNull(channel, "channel");
        q.priceListId = Objects.requireNonNull(priceListId, "priceListId");
        q.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        // judged as a partner's until the creator's roles are recorded (ownedBy): never more leniently
        q.ownerRoleClasses = SellerClass.column(java.util.EnumSet.allOf(SellerClass.class));
        q.status = QuoteStatus.DRAFT;
        q.revisionId = RevisionId.random().toString();
        q.revisionNo = 1;
        q.lines = List.of();
        q.validUntil = until;
        q.createdAt = at;
        q.updatedAt = at;
        return q;
    }

    /** Records the role class of the creator (the owner), whose limit bounds every approval requirement of the quote. */
    public void ownedBy(Set<String> creatorRoles) {
        this.ownerRoleClasses = SellerClass.column(SellerClass.of(creatorRoles));
    }

    /**
     * An ISO 4217 code that prices can be expressed in: known to the JDK's currency table, with minor units
     * (not XAU, XXX and the like), as pricing-service requires.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requirePriceableCurrency(String code) {
        Objects.requireNonNull(code, "currency");
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + code, e);
        }
        if (!currency.getCurrencyCode().equals(code) || currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(code + " is no currency prices can be expressed in");
        }
        return code;
    }

    /**
     * Replaces the lines (validated by catalog on {@code catalogVersion}): a commercial change, so a new
     * revision starts in DRAFT without price or approval. Allowed until the quote is accepted or expired;
     * a REJECTED revision is left this way.
     */
    public void replaceLines(List<QuoteLine> newLines, long onCatalogVersion, Instant now) {
        requireEditable(now);
        if (newLines.isEmpty() || newLines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a quote has 1 to " + MAX_LINES + " lines");
        }
        this.lines = List.copyOf(newLines);
        this.catalogVersion = onCatalogVersion;
        this.configurationHash = QuoteConfiguration.hashOf(newLines.stream().map(QuoteLine::configurationHash).toList());
        this.revisionId = RevisionId.random().toString();
        this.revisionNo++;
        clearPrice();
        this.status = QuoteStatus.DRAFT;
        this.updatedAt = now;
    }

    /** Lines may change until the quote is accepted or expired. */
    public void requireEditable(Instant now) {
        if (!status.editable()) {
            throw status == QuoteStatus.EXPIRED ? expired() : conflict("QUOTE_STATE_CONFLICT", "An accepted quote does not change.", null);
        }
        requireNotExpired(now);
    }

    /** What pricing is asked to price: the current revision, which must have lines and be priceable. */
    public void requirePriceable(Instant now) {
        if (status == QuoteStatus.EXPIRED) {
            throw expired();
        }
        if (!status.priceable()) {
            throw conflict("QUOTE_STATE_CONFLICT", "A " + status + " quote is not priced; replace its lines to start a new revision.",
                    "Replace the lines (a new revision) and price that.");
        }
        requireNotExpired(now);
        if (lines.isEmpty()) {
            throw conflict("QUOTE_HAS_NO_LINES", "The quote has no lines to price.", "Put lines on the quote first.");
        }
    }

    /**
     * Records the price of {@code revision} (which must still be the current one): the quote is PRICED
     * and its approval state cleared, whatever it was; any earlier approval no longer counts, even when
     * pricing answers the same content-addressed result: the next submit decides again in a new round.
     */
    public void recordPrice(RevisionId revision, PriceResult price, Instant now) {
        requirePriceable(now);
        requireCurrent(revision);
        if (price.catalogVersion() != catalogVersion) {
            throw new IllegalStateException("pricing priced catalog version " + price.catalogVersion() + ", not " + catalogVersion);
        }
        this.priceResultId = price.priceResultId().toString();
        this.priceListVersion = price.priceListVersion();
        this.priceHash = price.priceHash();
        this.priceValidUntil = price.validUntil();
        this.stalenessPolicy = price.stalenessPolicy();
        this.policyVersion = price.policyVersion();
        this.approvalSignals = List.copyOf(price.approvalSignals());
        this.pricedLines = price.lines();
        this.totals = price.totals();
        this.pricedAt = price.pricedAt();
        this.status = QuoteStatus.PRICED;
        this.updatedAt = now;
    }

    /** Submit is possible for a PRICED, unexpired quote (checked before and again under the row lock). */
    /** Whether {@link #requireSubmittable} would pass. */
    public boolean isSubmittable(Instant now) {
        return status == QuoteStatus.PRICED && !isPastValidity(now);
    }

    public void requireSubmittable(Instant now) {
        if (status == QuoteStatus.EXPIRED) {
            throw expired();
        }
        if (status != QuoteStatus.PRICED) {
            throw conflict("QUOTE_NOT_PRICED", "Only a PRICED quote is submitted; this one is " + status + ".",
                    "Price the current revision, then submit.");
        }
        requireNotExpired(now);
    }

    /**
     * The freshness checks passed for {@code revision}: the requirement decided at submit (policy in
     * force, every line, the lowest limit of owner and submitter) has no signal, so the quote is
     * APPROVED, or it waits for an approver. Either way a new approval round starts: decisions of
     * earlier rounds (of an earlier submit of the same price result) do not count for this one.
     */
    public void submit(RevisionId revision, ApprovalRequirement requirement, Instant now) {
        requireSubmittable(now);
        requireCurrent(revision);
        List<Integer> notApprovable = requirement.signals().stream().filter(s -> !s.approvable()).map(ApprovalSignal::lineIndex).toList();
        if (!notApprovable.isEmpty()) {
            throw new DiscountNotApprovableException(notApprovable);
        }
        this.approvalSignals = List.copyOf(requirement.signals());
        this.policyVersion = requirement.policyVersion();
        this.approvalRound++;
        this.status = requirement.needsApprover() ? QuoteStatus.PENDING_APPROVAL : QuoteStatus.APPROVED;
        this.updatedAt = now;
    }

    /** An approver's decision on {@code revision} and {@code priceResult}, which must be the current ones. */
    public void decide(RevisionId revision, UUID priceResult, boolean approved, Instant now) {
        if (status == QuoteStatus.EXPIRED) {
            throw expired();
        }
        requireDecidedOnCurrent(revision, priceResult);
        if (status != QuoteStatus.PENDING_APPROVAL) {
            throw conflict("QUOTE_NOT_PENDING_APPROVAL", "Only a quote PENDING_APPROVAL is decided on; this one is " + status + ".", null);
        }
        requireNotExpired(now);
        this.status = approved ? QuoteStatus.APPROVED : QuoteStatus.REJECTED;
        this.updatedAt = now;
    }

    /**
     * The customer accepts {@code revision} priced as {@code priceResult}: both must be the approved,
     * current ones, the quote not expired and its price still valid. ACCEPTED ends the quote.
     */
    public void accept(RevisionId revision, UUID priceResult, Instant now) {
        requireAcceptable(revision, priceResult, now);
        this.status = QuoteStatus.ACCEPTED;
        this.updatedAt = now;
    }

    /** The checks of {@link #accept}, also run before the remote freshness checks. */
    public void requireAcceptable(RevisionId revision, UUID priceResult, Instant now) {
        if (status == QuoteStatus.EXPIRED) {
            throw expired();
        }
        requireNotExpired(now);
        requireDecidedOnCurrent(revision, priceResult);
        if (status != QuoteStatus.APPROVED) {
            throw conflict("QUOTE_NOT_APPROVED", "Only an APPROVED quote is accepted; this one is " + status + ".",
                    status == QuoteStatus.ACCEPTED ? null : "Submit the quote (and have it approved) first.");
        }
        if (!priceValidUntil.isAfter(now)) {
            throw new QuoteStaleException(QuoteStaleException.QUOTE_PRICING_STALE, "The price result expired at " + priceValidUntil + ".",
                    "Price the quote again, submit it and have it approved again.", java.util.Map.of("priceValidUntil", priceValidUntil.toString()));
        }
    }

    /**
     * Refuses an expired quote ({@code QUOTE_EXPIRED}) before anything else, even a stale If-Match: once
     * the sweep expired it, that is the one answer that stays true.
     */
    public void refuseIfExpired(Instant now) {
        if (status == QuoteStatus.EXPIRED) {
            throw expired();
        }
        requireNotExpired(now);
    }

    /** Whether the quote is past its validity (the sweep sets EXPIRED; commands refuse it right away). */
    public boolean isPastValidity(Instant now) {
        return !validUntil.isAfter(now);
    }

    private void requireNotExpired(Instant now) {
        if (isPastValidity(now)) {
            throw expired();
        }
    }

    private void requireCurrent(RevisionId revision) {
        if (!revision.toString().equals(revisionId)) {
            // only when a caller kept a revision across transactions: the quote changed meanwhile
            throw new dev.cpq.platform.precondition.entity.VersionConflictException("QUOTE", null, rowVersion);
        }
    }

    private void requireDecidedOnCurrent(RevisionId revision, UUID priceResult) {
        if (!revision.toString().equals(revisionId) || priceResultId == null || !priceResult.toString().equals(priceResultId)) {
            throw new StaleApprovalException("Revision " + revision + " with price result " + priceResult
                    + " is not the quote's current revision and price result.", revisionId, priceResultId);
        }
    }

    private void clearPrice() {
        this.priceResultId = null;
        this.priceListVersion = null;
        this.priceHash = null;
        this.priceValidUntil = null;
        this.stalenessPolicy = null;
        this.policyVersion = null;
        this.approvalSignals = null;
        this.pricedLines = null;
        this.totals = null;
        this.pricedAt = null;
    }

    private QuoteStateException expired() {
        return new QuoteStateException("QUOTE_EXPIRED", status, "The quote expired at " + validUntil + ".", "Create a new quote.");
    }

    private QuoteStateException conflict(String code, String detail, String remediation) {
        return new QuoteStateException(code, status, detail, remediation);
    }

    public QuoteId id() {
        return new QuoteId(UUID.fromString(quoteId));
    }

    public Optional<Long> seq() {
        return Optional.ofNullable(seq);
    }

    public String tenantId() {
        return tenantId;
    }

    public String customerId() {
        return customerId;
    }

    public String currency() {
        return currency;
    }

    public String market() {
        return market;
    }

    public String channel() {
        return channel;
    }

    public String priceListId() {
        return priceListId;
    }

    public QuoteStatus status() {
        return status;
    }

    public RevisionId revisionId() {
        return new RevisionId(UUID.fromString(revisionId));
    }

    public int revisionNo() {
        return revisionNo;
    }

    public List<QuoteLine> lines() {
        return lines;
    }

    public Optional<Long> catalogVersion() {
        return Optional.ofNullable(catalogVersion);
    }

    public Optional<String> configurationHash() {
        return Optional.ofNullable(configurationHash);
    }

    public Optional<UUID> priceResultId() {
        return Optional.ofNullable(priceResultId).map(UUID::fromString);
    }

    public Optional<Long> priceListVersion() {
        return Optional.ofNullable(priceListVersion);
    }

    public Optional<String> priceHash() {
        return Optional.ofNullable(priceHash);
    }

    public Optional<Instant> priceValidUntil() {
        return Optional.ofNullable(priceValidUntil);
    }

    public Optional<StalenessPolicy> stalenessPolicy() {
        return Optional.ofNullable(stalenessPolicy);
    }

    public Optional<Long> policyVersion() {
        return Optional.ofNullable(policyVersion);
    }

    public List<ApprovalSignal> approvalSignals() {
        return approvalSignals == null ? List.of() : approvalSignals;
    }

    public Optional<JsonNode> pricedLines() {
        return Optional.ofNullable(pricedLines);
    }

    public Optional<JsonNode> totals() {
        return Optional.ofNullable(totals);
    }

    public Instant validUntil() {
        return validUntil;
    }

    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }

    public String createdBy() {
        return createdBy;
    }

    public Set<SellerClass> ownerRoleClasses() {
        return SellerClass.fromColumn(ownerRoleClasses);
    }

    /** The sellers whose limits bound a requirement decided now: the owner's classes and the acting caller's. */
    public Set<SellerClass> sellersWith(Set<String> callerRoles) {
        Set<SellerClass> sellers = EnumSet.copyOf(ownerRoleClasses());
        sellers.addAll(SellerClass.of(callerRoles));
        return sellers;
    }

    public Optional<Instant> pricedAt() {
        return Optional.ofNullable(pricedAt);
    }

    /** The current approval round (0 before the first submit); decisions name the round they answer. */
    public int approvalRound() {
        return approvalRound;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long rowVersion() {
        return rowVersion;
    }

    @PostLoad
    void loaded() {
        asLoaded = new StateAndVersion(status.name(), rowVersion);
    }

    @Override
    public String aggregateType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return quoteId;
    }

    @Override
    public StateAndVersion current() {
        return new StateAndVersion(status.name(), rowVersion);
    }

    @Override
    public Optional<StateAndVersion> asLoaded() {
        return Optional.ofNullable(asLoaded);
    }
}
