package dev.cpq.pricing.publication.control;

import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.pricing.pricelist.control.PriceListAudit;
import dev.cpq.pricing.pricelist.control.PriceListLookup;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListVersion;
import dev.cpq.pricing.pricelist.entity.PriceLists;
import dev.cpq.events.pricing.PriceListPublished;
import dev.cpq.pricing.publication.entity.PriceListVersionOutdatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Publishing a draft: in one transaction (the command's), the draft becomes the list's active version,
 * the previous one is superseded, and {@code PriceListPublished} is written to the outbox. Publications
 * of one list are serialized, so versions become active strictly in order; a draft older than the
 * active version is refused.
 */
@ApplicationScoped
public class PriceListPublishing {

    public static final String PUBLISH = "price-list.publish";

    public record Published(PriceList priceList, Optional<Long> previousVersion) {}

    private PriceLists priceLists;
    private PriceListLookup lookup;
    private Outbox outbox;
    private AuditTrail audit;
    private CurrentRequest request;
    private final Clock clock = Clock.systemUTC();

    protected PriceListPublishing() {}

    @Inject
    public PriceListPublishing(PriceLists priceLists, PriceListLookup lookup, Outbox outbox, AuditTrail audit, CurrentRequest request) {
        this.priceLists = priceLists;
        this.lookup = lookup;
        this.outbox = outbox;
        this.audit = audit;
        this.request = request;
    }

    public Published publish(PriceListId id, long version, ExpectedVersion expected) {
        priceLists.lockPublication(id);
        PriceList draft = priceLists.byVersionForChange(id, new PriceListVersion(version)).orElseThrow(() -> lookup.notFound(id, version));
        draft.requireDraft();
        long before = draft.rowVersion();
        expected.check("PRICE_LIST", before);
        Optional<PriceList> active = priceLists.active(id);
        if (active.isPresent() && active.get().version().isNewerThan(draft.version())) {
            throw new PriceListVersionOutdatedException(id, version, active.get().version().sequence());
        }
        // the one-published index is checked per statement: supersede first, then publish
        active.ifPresent(previous -> {
            previous.supersede();
            priceLists.flush();
        });
        draft.publish(clock.instant());
        priceLists.flush();
        outbox.record(PriceListPublished.of(draft.tenantId(), draft.priceListId().value(), draft.version().sequence(),
                active.map(p -> p.version().sequence()), draft.stalenessPolicy().name()), request.requestId());
        audit.succeeded(new AuditedChange("PriceList", PriceListAudit.aggregateId(draft), PUBLISH, "DRAFT", "PUBLISHED", before,
                draft.rowVersion()));
        return new Published(draft, active.map(p -> p.version().sequence()));
    }
}
