package dev.cpq.events.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cpq.events.ContractEvent;
import dev.cpq.events.EventPayload;
import dev.cpq.events.PublishedEvent;
import dev.cpq.messaging.event.EventEnvelope;

/**
 * A customer accepted a quote revision (topic {@code cpq.quote}); order-service makes the order from it.
 * The aggregate version is the quote's version after acceptance, so consumers order a quote's events.
 */
public record QuoteAccepted(String tenantId, String quoteId, long quoteVersion, String quoteRevisionId, String priceResultId, JsonNode totals,
        String currency, String customerId, String snapshotHash) implements ContractEvent {

    public static final String TYPE = "QuoteAccepted";

    public static QuoteAccepted of(String tenantId, String quoteId, long quoteVersion, String quoteRevisionId, String priceResultId,
            JsonNode totals, String currency, String customerId, String snapshotHash) {
        return new QuoteAccepted(tenantId, quoteId, quoteVersion, quoteRevisionId, priceResultId, totals.deepCopy(), currency, customerId,
                snapshotHash);
    }

    /** @throws IllegalArgumentException when the envelope is not a valid {@code QuoteAccepted} */
    public static QuoteAccepted from(EventEnvelope envelope) {
        EventPayload p = EventPayload.of(envelope, PublishedEvent.QUOTE_ACCEPTED);
        return new QuoteAccepted(envelope.tenantId(), p.text("quoteId"), envelope.aggregateVersion(), p.text("quoteRevisionId"),
                p.text("priceResultId"), p.node("totals").deepCopy(), p.text("currency"), p.text("customerId"), p.text("snapshotHash"));
    }

    @Override
    public PublishedEvent kind() {
        return PublishedEvent.QUOTE_ACCEPTED;
    }

    @Override
    public String aggregateId() {
        return quoteId;
    }

    @Override
    public long aggregateVersion() {
        return quoteVersion;
    }

    @Override
    public JsonNode payload() {
        ObjectNode p = EventPayload.newPayload();
        p.put("quoteId", quoteId);
        p.put("quoteRevisionId", quoteRevisionId);
        p.put("priceResultId", priceResultId);
        p.set("totals", totals.deepCopy());
        p.put("currency", currency);
        p.put("customerId", customerId);
        p.put("snapshotHash", snapshotHash);
        return p;
    }
}
