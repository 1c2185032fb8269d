package dev.cpq.pricing.pricelist.control;

import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.publication.control.Publication;
import dev.cpq.pricing.pricelist.entity.PriceEntries;
import dev.cpq.pricing.pricelist.entity.PriceEntry;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
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
    private Publication publication;
    private final Clock clock = Clock.systemUTC();

    protected PriceEntryEditing() {}

    @Inject
    public PriceEntryEditing(PriceLists priceLists, PriceEntries entries, Publication publication) {
        this.priceLists = priceLists;
        this.entries = entries;
        this.publication = publication;
    }

    @Transactional
    public Edited putEntries(PriceListId id, long version, ExpectedVersion expected, String offeringId, List<PricePoint> prices) {
        PricePoint.requireDistinctScopes(prices);
        return publication.editDraft(priceLists.line(id), version, expected, PUT_ENTRIES, draft -> {
            entries.removeOffering(draft, offeringId);
            Instant now = clock.instant();
            for (PricePoint price : prices) {
                entries.add(PriceEntry.of(draft, offeringId, price, now));
            }
            return new Edited(draft, List.copyOf(prices));
        });
    }
}
