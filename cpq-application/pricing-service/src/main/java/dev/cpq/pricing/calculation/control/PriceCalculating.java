package dev.cpq.pricing.calculation.control;

import dev.cpq.events.cache.PriceCalculationCacheKeys;
import dev.cpq.events.cache.PriceListCacheKeys;
import dev.cpq.platform.cache.control.CachedReads;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.approval.entity.ApprovalSignal;
import dev.cpq.pricing.approval.entity.ApprovalThresholds;
import dev.cpq.pricing.approval.entity.CallerClass;
import dev.cpq.pricing.calculation.entity.CalculationHashes;
import dev.cpq.pricing.calculation.entity.CalculationInput;
import dev.cpq.pricing.calculation.entity.CalculationLine;
import dev.cpq.pricing.calculation.entity.PriceCalculator;
import dev.cpq.pricing.calculation.entity.PriceNotFoundException;
import dev.cpq.pricing.calculation.entity.PricedCalculation;
import dev.cpq.pricing.calculation.entity.PricedContent;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListNotFoundException;
import dev.cpq.pricing.pricelist.entity.PriceListNotPublishedException;
import dev.cpq.pricing.pricelist.entity.PriceListVersion;
import dev.cpq.pricing.pricelist.entity.PriceLists;
import dev.cpq.pricing.pricelist.entity.PricePoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Prices a calculation request: the catalog version must be the active one; the price list's active
 * version, the entries and the approval policy are read through the cache (published data, versioned
 * keys); the result is content-addressed by its input hash, so the same input on the same versions
 * answers with the same stored result while it is valid long enough ({@link PriceResultStore}).
 * No transaction of its own: the only write is the result store's, and catalog-service is never asked
 * while a database transaction is open.
 */
@ApplicationScoped
public class PriceCalculating {

    /** The result and whether this call created it (false: an existing result was reused). */
    public record Calculated(PricedCalculation result, boolean created) {}

    private CatalogVersionCheck catalogVersions;
    private PriceLists priceLists;
    private PriceSlices slices;
    private ApprovalThresholdReads approvalPolicy;
    private PriceResultStore store;
    private CachedReads cachedReads;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected PriceCalculating() {}

    @Inject
    public PriceCalculating(CatalogVersionCheck catalogVersions, PriceLists priceLists, PriceSlices slices,
            ApprovalThresholdReads approvalPolicy, PriceResultStore store, CachedReads cachedReads, TenantContext tenant) {
        this.catalogVersions = catalogVersions;
        this.priceLists = priceLists;
        this.slices = slices;
        this.approvalPolicy = approvalPolicy;
        this.store = store;
        this.cachedReads = cachedReads;
        this.tenant = tenant;
    }

    /** @param authorization the caller's Authorization header, forwarded to catalog-service */
    public Calculated calculate(CalculationInput input, String authorization) {
        String t = tenant.tenant().value();
        CallerClass caller = CallerClass.of(tenant.caller().roles());
        PriceListId listId = input.priceListId().orElseGet(this::theOnlyPriceList);
        // the three versions a calculation is made on, their pointers read in one round trip
        long[] versions = cachedReads.activeVersions(
                List.of(catalogVersions.line(), PriceListCacheKeys.line(t, listId.value()), approvalPolicy.line()),
                List.of(catalogVersions.learnedVersion(input.catalogVersion(), authorization), () -> publishedVersion(listId), approvalPolicy.authority()));
        long catalogVersion = catalogVersions.requireActive(input.catalogVersion(), versions[0], authorization);
        PriceListVersion listVersion = new PriceListVersion(versions[1]);
        long policyVersion = versions[2];
        String inputHash = CalculationHashes.inputHash(input, listId, listVersion.sequence(), catalogVersion, policyVersion, caller);

        Instant now = clock.instant();
        AtomicReference<PriceResultStore.Stored> stored = new AtomicReference<>();
        Supplier<PricedCalculation> fromDatabase = () -> {
            PriceResultStore.Stored s = store.findOrPrice(inputHash, now,
                    () -> price(input, listId, listVersion, catalogVersion, policyVersion, caller, inputHash));
            stored.set(s);
            return s.result();
        };
        PricedCalculation result = cachedReads.projection(PriceCalculationCacheKeys.result(t, listId.value(), listVersion.sequence(),
                CalculationHashes.digestOf(inputHash)), PricedCalculation.class, fromDatabase);
        // a result from Redis (or from a concurrent loader in this JVM) is reused under the same rule as a
        // stored one: one too close to its expiry goes back to the database
        if (stored.get() == null && (!result.inputHash().equals(inputHash) || !result.reusableAt(now))) {
            result = fromDatabase.get();
        }
        return new Calculated(result, stored.get() != null && stored.get().created());
    }

    /** The list's published version in the database (what sets its cache pointer when absent). */
    private long publishedVersion(PriceListId listId) {
        return priceLists.active(listId).map(p -> p.version().sequence()).orElseThrow(() -> priceLists.exists(listId)
                ? new PriceListNotPublishedException(listId)
                : new PriceListNotFoundException(listId));
    }

    private PriceListId theOnlyPriceList() {
        List<PriceListId> ids = priceLists.ids(2);
        if (ids.size() != 1) {
            throw new InvalidRequestException("priceListId", ids.isEmpty()
                    ? "there is no price list to price against; create and publish one"
                    : "the tenant has several price lists: name the one to price against");
        }
        return ids.get(0);
    }

    private PricedCalculation price(CalculationInput input, PriceListId listId, PriceListVersion listVersion, long catalogVersion,
            long policyVersion, CallerClass caller, String inputHash) {
        PriceList version = priceLists.byVersion(listId, listVersion)
                .orElseThrow(() -> new IllegalStateException("price list " + listId + " " + listVersion + " is active but not stored"));
        Map<String, PricePoint> prices = unitPrices(input, listId, listVersion);
        PriceCalculator.Priced priced = PriceCalculator.price(input.scope().currency(), input.lines(), prices::get);
        ApprovalThresholds thresholds = approvalPolicy.thresholds(policyVersion);
        List<ApprovalSignal> signals = new ArrayList<>();
        for (int i = 0; i < input.lines().size(); i++) {
            CalculationLine line = input.lines().get(i);
            thresholds.signalFor(i, line.offeringId(), line.discount(), caller).ifPresent(signals::add);
        }
        PricedContent content = new PricedContent(listId.value(), listVersion.sequence(), catalogVersion, policyVersion, caller,
                input.scope().currencyCode(), input.scope().market(), input.scope().channel(), version.stalenessPolicy(),
                priced.lines(), priced.totals(), signals);
        // at a precision PostgreSQL keeps: what is answered now is exactly what a later read returns
        Instant pricedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new PricedCalculation(UUID.randomUUID(), inputHash, CalculationHashes.priceHash(content), pricedAt,
                version.validityDays().validUntil(pricedAt), content);
    }

    /** One price per distinct offering; every missing one is named, the first (by line) in detail. */
    private Map<String, PricePoint> unitPrices(CalculationInput input, PriceListId listId, PriceListVersion listVersion) {
        Map<String, Optional<PricePoint>> found = new LinkedHashMap<>();
        for (CalculationLine line : input.lines()) {
            found.computeIfAbsent(line.offeringId(), offering -> slices.price(listId, listVersion, offering, input.scope()));
        }
        List<String> unpriced = found.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        if (!unpriced.isEmpty()) {
            String first = unpriced.get(0);
            int lineIndex = 0;
            while (!input.lines().get(lineIndex).offeringId().equals(first)) {
                lineIndex++;
            }
            throw new PriceNotFoundException(listId, listVersion.sequence(), input.scope(), lineIndex, first, unpriced);
        }
        Map<String, PricePoint> prices = new LinkedHashMap<>();
        found.forEach((offering, price) -> prices.put(offering, price.orElseThrow()));
        return prices;
    }
}
