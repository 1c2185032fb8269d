package dev.cpq.events.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.events.ContractEvent;
import dev.cpq.events.EventPayload;
import dev.cpq.events.PublishedEvent;
import dev.cpq.messaging.event.EventEnvelope;
import java.util.Optional;

/**
 * A catalog version became the tenant's active one. The aggregate is the tenant's catalog line, its
 * version the new version sequence, so consumers apply publications in order and ignore late ones.
 * Payload: {@code newVersion}, {@code versionSequence} (the same number, for older readers), {@code previousVersion}.
 */
public record CatalogPublished(String tenantId, long newVersion, Long previousVersion) implements ContractEvent {

    public static final String TYPE = "CatalogPublished";

    public static CatalogPublished of(String tenantId, long newVersion, Optional<Long> previousVersion) {
        return new CatalogPublished(tenantId, newVersion, previousVersion.orElse(null));
    }

    /** @throws IllegalArgumentException when the envelope is not a valid {@code CatalogPublished} */
    public static CatalogPublished from(EventEnvelope envelope) {
        EventPayload p = EventPayload.of(envelope, PublishedEvent.CATALOG_PUBLISHED);
        return new CatalogPublished(envelope.tenantId(), p.version("newVersion"), p.versionOrNull("previousVersion"));
    }

    @Override
    public PublishedEvent kind() {
        return PublishedEvent.CATALOG_PUBLISHED;
    }

    @Override
    public String aggregateId() {
        return "catalog";
    }

    @Override
    public long aggregateVersion() {
        return newVersion;
    }

    @Override
    public JsonNode payload() {
        return EventPayload.putVersionOrNull(EventPayload.newPayload().put("newVersion", newVersion).put("versionSequence", newVersion),
                "previousVersion", previousVersion);
    }
}
