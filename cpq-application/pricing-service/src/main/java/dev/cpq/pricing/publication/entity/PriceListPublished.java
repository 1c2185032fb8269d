package dev.cpq.pricing.publication.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cpq.messaging.event.DomainEvent;
import dev.cpq.pricing.pricelist.entity.PriceList;
import java.util.Optional;

/**
 * A price list version became the list's active one. The aggregate is the price list (topic
 * {@code cpq.price-list}, keyed by its id), its version the new version sequence, so consumers apply
 * publications of a list in order and ignore late ones. The staleness policy travels along: quotes
 * priced on an older version learn from it whether they must reprice.
 */
public record PriceListPublished(String tenantId, String priceListId, long newVersion, Long previousVersion, String stalenessPolicy)
        implements DomainEvent {

    public static final String TYPE = "PriceListPublished";

    public static PriceListPublished of(PriceList published, Optional<PriceList> superseded) {
        return new PriceListPublished(published.tenantId(), published.priceListId().value(), published.version().sequence(),
                superseded.map(p -> p.version().sequence()).orElse(null), published.stalenessPolicy().name());
    }

    @Override
    public String aggregateType() {
        return "PriceList";
    }

    @Override
    public String aggregateId() {
        return priceListId;
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
        ObjectNode p = JsonNodeFactory.instance.objectNode()
                .put("priceListId", priceListId)
                .put("newVersion", newVersion);
        if (previousVersion == null) {
            p.putNull("previousVersion");
        } else {
            p.put("previousVersion", previousVersion);
        }
        return p.put("stalenessPolicy", stalenessPolicy);
    }
}
