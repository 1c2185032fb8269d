package dev.cpq.catalog.publication.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cpq.catalog.core.entity.Catalog;
import dev.cpq.messaging.event.DomainEvent;
import java.util.Optional;

/**
 * A catalog version became the tenant's active one. The aggregate is the tenant's catalog line, its
 * version the new version sequence, so consumers apply publications in order and ignore late ones.
 */
public record CatalogPublished(String tenantId, long newVersion, Long previousVersion) implements DomainEvent {

    public static final String TYPE = "CatalogPublished";

    public static CatalogPublished of(Catalog published, Optional<Catalog> superseded) {
        return new CatalogPublished(published.tenantId(), published.version().sequence(),
                superseded.map(c -> c.version().sequence()).orElse(null));
    }

    @Override
    public String aggregateType() {
        return "Catalog";
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
    public String eventType() {
        return TYPE;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public JsonNode payload() {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("newVersion", newVersion).put("versionSequence", newVersion);
        if (previousVersion == null) {
            p.putNull("previousVersion");
        } else {
            p.put("previousVersion", previousVersion);
        }
        return p;
    }
}
