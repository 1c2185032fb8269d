package dev.cpq.pricing.publication.control;

import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.publication.control.Publication;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceLists;
import dev.cpq.events.pricing.PriceListPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Publishing a draft: in one transaction (the command's), the draft becomes the list's active version,
 * the previous one is superseded, and {@code PriceListPublished} is written to the outbox. Publications
 * of one list are serialized, so versions become active strictly in order; a draft older than the
 * active version is refused ({@link PriceList#requirePublishableOver}).
 */
@ApplicationScoped
public class PriceListPublishing {

    public static final String PUBLISH = "price-list.publish";

    public record Published(PriceList priceList, Optional<Long> previousVersion) {}

    private PriceLists priceLists;
    private Publication publication;

    protected PriceListPublishing() {}

    @Inject
    public PriceListPublishing(PriceLists priceLists, Publication publication) {
        this.priceLists = priceLists;
        this.publication = publication;
    }

    public Published publish(PriceListId id, long version, ExpectedVersion expected) {
        Publication.Published<PriceList> published = publication.publish(priceLists.line(id), version, expected, PUBLISH,
                (draft, superseded) -> PriceListPublished.of(draft.tenantId(), draft.priceListId().value(), draft.version().sequence(),
                        superseded.map(p -> p.version().sequence()), draft.stalenessPolicy().name()));
        return new Published(published.version(), published.superseded().map(p -> p.version().sequence()));
    }
}
