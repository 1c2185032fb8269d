package dev.cpq.events.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.events.ContractEvent;
import dev.cpq.events.EventPayload;
import dev.cpq.events.PublishedEvent;
import dev.cpq.messaging.event.EventEnvelope;
import java.util.Optional;

/**
 * A price list version became the list's active one. The aggregate is the price list (topic
 * {@code cpq.price-list}, keyed by its id), its version the new version sequence, so consumers apply
 * publications of a list in order and ignore late ones. The staleness policy travels along: quotes
 * priced on an older version learn from it whether they must reprice.
 */
public record PriceListPublished(String tenantId, String priceListId, long newVersion, Long previousVersion, String stalenessPolicy)
        implements ContractEvent {

    public static final String TYPE = "PriceListPublished";

    public static PriceListPublished of(String tenantId, String priceListId, long newVersion, Optional<Long> previousVersion,
            String stalenessPolicy) {
        return new PriceListPublished(tenantId, priceListId, newVersion, previousVersion.orElse(null), stalenessPolicy);
    }

    /** @throws IllegalArgumentException when the envelope is not a valid {@code PriceListPublished} */
    public static PriceListPublished from(EventEnvelope envelope) {
        EventPayload p = EventPayload.of(envelope, PublishedEvent.PRICE_LIST_PUBLISHED);
        return new PriceListPublished(envelope.tenantId(), p.text("priceListId"), p.version("newVersion"), p.versionOrNull("previousVersion"),
                p.textOrNull("stalenessPolicy"));
    }

    @Override
    public PublishedEvent kind() {
        return PublishedEvent.PRICE_LIST_PUBLISHED;
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
    public JsonNode payload() {
        return EventPayload.putVersionOrNull(EventPayload.newPayload().put("priceListId", priceListId).put("newVersion", newVersion),
                "previousVersion", previousVersion).put("stalenessPolicy", stalenessPolicy);
    }
}
