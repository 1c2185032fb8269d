package dev.cpq.catalog.publication.control;

import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.catalog.core.entity.Catalogs;
import dev.cpq.events.catalog.CatalogPublished;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.publication.control.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Publishing a draft: in one transaction (the command's), the draft becomes the active version, the
 * previous one is superseded, and {@code CatalogPublished} is written to the outbox. Publications of
 * a tenant are serialized, so versions become active strictly in order; a draft older than the active
 * version is refused ({@link Catalog#requirePublishableOver}).
 */
@ApplicationScoped
public class CatalogPublishing {

    public static final String PUBLISH = "catalog-version.publish";

    public record Published(Catalog catalog, Optional<Long> previousVersion) {}

    private Catalogs catalogs;
    private Publication publication;

    protected CatalogPublishing() {}

    @Inject
    public CatalogPublishing(Catalogs catalogs, Publication publication) {
        this.catalogs = catalogs;
        this.publication = publication;
    }

    public Published publish(long version, ExpectedVersion expected) {
        Publication.Published<Catalog> published = publication.publish(catalogs, version, expected, PUBLISH, (draft, superseded) -> CatalogPublished.of(draft.tenantId(), draft.version().sequence(),
                        superseded.map(c -> c.version().sequence())));
        return new Published(published.version(), published.superseded().map(c -> c.version().sequence()));
    }
}
