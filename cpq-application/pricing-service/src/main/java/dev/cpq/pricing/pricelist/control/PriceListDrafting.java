package dev.cpq.pricing.pricelist.control;

import dev.cpq.platform.publication.control.Publication;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.pricelist.entity.PriceEntries;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListTerms;
import dev.cpq.pricing.pricelist.entity.PriceLists;
import dev.cpq.pricing.pricelist.entity.StalenessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Opens new draft versions of a price list (runs inside the command's transaction). The first draft
 * creates the list. A draft starts as a copy of the active version's entries and terms (or the newest
 * version's terms while nothing is published); the admin may change the terms as the draft opens.
 */
@ApplicationScoped
public class PriceListDrafting {

    public static final String OPEN_DRAFT = "price-list.open-draft";

    /** The new draft, the version it was copied from and how many entries it received. */
    public record Opened(PriceList draft, Optional<Long> copiedFrom, int entriesCopied) {}

    private PriceLists priceLists;
    private PriceEntries entries;
    private Publication publication;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected PriceListDrafting() {}

    @Inject
    public PriceListDrafting(PriceLists priceLists, PriceEntries entries, Publication publication, TenantContext tenant) {
        this.priceLists = priceLists;
        this.entries = entries;
        this.publication = publication;
        this.tenant = tenant;
    }

    public Opened openDraft(PriceListId id, String name, StalenessPolicy stalenessPolicy, Integer validityDays) {
        // the mechanism waits for a running publication of the list, so the copy is of the version that is active now
        return publication.openDraft(priceLists.line(id), OPEN_DRAFT, active -> {
            PriceListTerms inherited = active.or(() -> priceLists.newest(id)).map(PriceList::terms).orElseGet(() -> PriceListTerms.initial(id));
            PriceListTerms terms = inherited.with(name, stalenessPolicy, validityDays);
            PriceList draft = PriceList.draft(tenant.tenant().value(), id, priceLists.nextVersion(id), terms, clock.instant());
            priceLists.add(draft);
            int copied = active.map(source -> entries.copy(source, draft)).orElse(0);
            return new Opened(draft, active.map(a -> a.version().sequence()), copied);
        }, Opened::draft);
    }
}
