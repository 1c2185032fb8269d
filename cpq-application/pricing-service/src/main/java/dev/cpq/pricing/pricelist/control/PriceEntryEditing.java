package dev.cpq.pricing.pricelist.control;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.pricing.pricelist.entity.PriceEntries;
import dev.cpq.pricing.pricelist.entity.PriceEntry;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListVersion;
import dev.cpq.pricing.pricelist.entity.PriceLists;
import dev.cpq.pricing.pricelist.entity.PricePoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Replacing an offering's prices in a draft price list version, against the version the editor saw. */
@ApplicationScoped
public class PriceEntryEditing {

    public static final String PUT_ENTRIES = "price-list.put-entries";

    /** The draft after the change (its row version is the new ETag) and the offering's prices now. */
    public record Edited(PriceList priceList, List<PricePoint> prices) {}

    private PriceLists priceLists;
    private PriceEntries entries;
    private PriceListLookup lookup;
    private AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    protected PriceEntryEditing() {}

    @Inject
    public PriceEntryEditing(PriceLists priceLists, PriceEntries entries, PriceListLookup lookup, AuditTrail audit) {
        this.priceLists = priceLists;
        this.entries = entries;
        this.lookup = lookup;
        this.audit = audit;
    }

    @Transactional
    public Edited putEntries(PriceListId id, long version, ExpectedVersion expected, String offeringId, List<PricePoint> prices) {
        PricePoint.requireDistinctScopes(prices);
        PriceList draft = priceLists.byVersionForChange(id, new PriceListVersion(version))
                .orElseThrow(() -> lookup.notFound(id, version));
        draft.requireDraft();
        long before = draft.rowVersion();
        expected.check("PRICE_LIST", before);
        entries.removeOffering(draft, offeringId);
        Instant now = clock.instant();
        for (PricePoint price : prices) {
            entries.add(PriceEntry.of(draft, offeringId, price, now));
        }
        // every content change raises the version (the row lock makes a second editor wait and then see it);
        // the optimistic check at flush stays as the guard should the lock ever be bypassed
        priceLists.touch(draft);
        audit.succeeded(new AuditedChange("PriceList", PriceListAudit.aggregateId(draft), PUT_ENTRIES, "DRAFT", "DRAFT", before,
                draft.rowVersion()));
        return new Edited(draft, List.copyOf(prices));
    }
}
