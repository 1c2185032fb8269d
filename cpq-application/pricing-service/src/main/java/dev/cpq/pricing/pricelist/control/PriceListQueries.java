package dev.cpq.pricing.pricelist.control;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.pricing.pricelist.entity.PriceEntries;
import dev.cpq.pricing.pricelist.entity.PriceEntry;
import dev.cpq.pricing.pricelist.entity.ActiveTerms;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListNotFoundException;
import dev.cpq.pricing.pricelist.entity.PriceListNotPublishedException;
import dev.cpq.pricing.pricelist.entity.PriceListStatus;
import dev.cpq.pricing.pricelist.entity.PriceListVersion;
import dev.cpq.pricing.pricelist.entity.PriceLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read side of price lists; always from PostgreSQL, the authority on what is active. */
@ApplicationScoped
public class PriceListQueries {

    /** A list as admins see it: its active version (if any) and its open drafts, newest first. */
    public record Overview(PriceListId priceListId, Optional<PriceList> active, List<PriceList> drafts) {

        /** The version whose terms describe the list: the active one, else the newest draft. */
        public PriceList current() {
            return active.orElseGet(() -> drafts.get(0));
        }
    }

    /** A version with its entries. */
    public record VersionDetail(PriceList priceList, List<PriceEntry> entries) {}

    private PriceLists priceLists;
    private PriceEntries entries;
    private TenantContext tenant;

    protected PriceListQueries() {}

    @Inject
    public PriceListQueries(PriceLists priceLists, PriceEntries entries, TenantContext tenant) {
        this.priceLists = priceLists;
        this.entries = entries;
        this.tenant = tenant;
    }

    /** The lists as the caller may see them: partners read published data only (no drafts, no list without an active version). */
    public List<Overview> overview() {
        if (partner()) {
            return allOverview().stream().filter(o -> o.active().isPresent()).map(o -> new Overview(o.priceListId(), o.active(), List.of()))
                    .toList();
        }
        return allOverview();
    }

    private boolean partner() {
        return tenant.caller().hasRole(Roles.PARTNER);
    }

    private List<Overview> allOverview() {
        Map<PriceListId, List<PriceList>> byList = new LinkedHashMap<>();
        for (PriceList p : priceLists.publishedAndDrafts()) {
            byList.computeIfAbsent(p.priceListId(), k -> new ArrayList<>()).add(p);
        }
        List<Overview> lists = new ArrayList<>();
        byList.forEach((id, versions) -> lists.add(new Overview(id,
                versions.stream().filter(v -> v.status() == PriceListStatus.PUBLISHED).findFirst(),
                versions.stream().filter(PriceList::isDraft).toList())));
        return lists;
    }

    /** The list's published version: 404 when the list does not exist, 409 when it has drafts only. */
    public PriceList active(PriceListId id) {
        return priceLists.active(id).orElseThrow(() -> noActiveVersion(id));
    }

    /** The active version and the approval policy version (0 while none is set), in one read; 404/409 as {@link #active}. */
    public ActiveTerms activeTerms(PriceListId id) {
        return priceLists.activeTerms(id).orElseThrow(() -> noActiveVersion(id));
    }

    /** When the first version newer than {@code version} was published, from the database (empty while none is). */
    public Optional<java.time.Instant> firstPublishedAfter(PriceListId id, long version) {
        return priceLists.firstPublishedAfter(id, version);
    }

    private RuntimeException noActiveVersion(PriceListId id) {
        return priceLists.exists(id) ? new PriceListNotPublishedException(id) : new PriceListNotFoundException(id);
    }

    public VersionDetail version(PriceListId id, long version) {
        PriceList priceList = priceLists.byVersion(id, new PriceListVersion(version)).orElseThrow(() -> priceLists.notFound(id, version));
        if (partner() && priceList.isDraft()) {
            // a draft is not visible to partners: the same 404 as a version that does not exist
            throw priceLists.active(id).isPresent() ? priceLists.notFound(id, version) : new PriceListNotFoundException(id);
        }
        return new VersionDetail(priceList, entries.of(priceList));
    }
}
