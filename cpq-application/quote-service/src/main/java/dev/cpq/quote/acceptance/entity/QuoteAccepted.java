package dev.cpq.quote.acceptance.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cpq.messaging.event.DomainEvent;
import dev.cpq.quote.core.entity.Quote;
import dev.cpq.quote.core.entity.QuoteStatus;

/**
 * A customer accepted a quote revision (topic {@code cpq.quote}); order-service makes the order from it.
 * The aggregate version is the quote's version after acceptance, so consumers order a quote's events.
 */
public record QuoteAccepted(String tenantId, String quoteId, long quoteVersion, String quoteRevisionId, String priceResultId, JsonNode totals,
        String currency, String customerId, String snapshotHash) implements DomainEvent {

    public static final String TYPE = "QuoteAccepted";

    public static QuoteAccepted of(Quote accepted, QuoteSnapshot snapshot) {
        if (accepted.status() != QuoteStatus.ACCEPTED) {
            throw new IllegalStateException("QuoteAccepted is the event of an accepted quote");
        }
        return new QuoteAccepted(accepted.tenantId(), accepted.id().toString(), accepted.rowVersion(), accepted.revisionId().toString(),
                accepted.priceResultId().orElseThrow().toString(), accepted.totals().orElseThrow(), accepted.currency(), accepted.customerId(),
                snapshot.snapshotHash());
    }

    @Override
    public String aggregateType() {
        return "Quote";
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
    public String eventType() {
        return TYPE;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public JsonNode payload() {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
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
