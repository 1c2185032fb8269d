package dev.cpq.catalog.publication.control;

import dev.cpq.events.catalog.CatalogPublished;
import dev.cpq.catalog.publication.entity.CatalogVersionOutdatedException;
import dev.cpq.catalog.version.entity.Catalog;
import dev.cpq.catalog.version.entity.CatalogVersion;
import dev.cpq.catalog.version.entity.CatalogVersionNotFoundException;
import dev.cpq.catalog.version.entity.Catalogs;
import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Publishing a draft: in one transaction (the command's), the draft becomes the active version, the
 * previous one is superseded, and {@code CatalogPublished} is written to the outbox. Publications of
 * a tenant are serialized, so versions become active strictly in order; a draft older than the active
 * version is refused.
 */
@ApplicationScoped
public class CatalogPublishing {

    public static final String PUBLISH = "catalog-version.publish";

    public record Published(Catalog catalog, Optional<Long> previousVersion) {}

    private Catalogs catalogs;
    private Outbox outbox;
    private AuditTrail audit;
    private CurrentRequest request;
    private final Clock clock = Clock.systemUTC();

    protected CatalogPublishing() {}

    @Inject
    public CatalogPublishing(Catalogs catalogs, Outbox outbox, AuditTrail audit, CurrentRequest request) {
        this.catalogs = catalogs;
        this.outbox = outbox;
        this.audit = audit;
        this.request = request;
    }

    public Published publish(long version, ExpectedVersion expected) {
        catalogs.lockPublication();
        Catalog draft = catalogs.byVersionForChange(new CatalogVersion(version))
                .orElseThrow(() -> new CatalogVersionNotFoundException(version));
        draft.requireDraft();
        long before = draft.rowVersion();
        expected.check("CATALOG", before);
        Optional<Catalog> active = catalogs.active();
        if (active.isPresent() && active.get().version().isNewerThan(draft.version())) {
            throw new CatalogVersionOutdatedException(version, active.get().version().sequence());
        }
        // the one-active-version index is checked per statement: supersede first, then publish
        active.ifPresent(previous -> {
            previous.supersede();
            catalogs.flush();
        });
        draft.publish(clock.instant());
        catalogs.flush();
        outbox.record(CatalogPublished.of(draft.tenantId(), draft.version().sequence(), active.map(c -> c.version().sequence())), request.requestId());
        audit.succeeded(new AuditedChange("Catalog", Long.toString(version), PUBLISH, "DRAFT", "PUBLISHED", before, draft.rowVersion()));
        return new Published(draft, active.map(c -> c.version().sequence()));
    }
}
