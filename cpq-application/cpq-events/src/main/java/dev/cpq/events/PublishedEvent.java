package dev.cpq.events;

import dev.cpq.messaging.event.EnvelopeCodec;

/**
 * Every event one service publishes for others: its name, the aggregate it is about (hence its topic, one
 * per aggregate type, keyed by aggregate id) and the service that publishes it. Names and topics are the
 * wire contract: never renamed, so a consumer deployed before a change still reads what is produced after.
 */
public enum PublishedEvent {
    CATALOG_PUBLISHED("CatalogPublished", "Catalog", "catalog-service"),
    PRICE_LIST_PUBLISHED("PriceListPublished", "PriceList", "pricing-service"),
    APPROVAL_POLICY_PUBLISHED("ApprovalPolicyPublished", "ApprovalPolicy", "pricing-service"),
    QUOTE_ACCEPTED("QuoteAccepted", "Quote", "quote-service");

    private final String eventType;
    private final String aggregateType;
    private final String publisher;

    PublishedEvent(String eventType, String aggregateType, String publisher) {
        this.eventType = eventType;
        this.aggregateType = aggregateType;
        this.publisher = publisher;
    }

    public String eventType() {
        return eventType;
    }

    public String aggregateType() {
        return aggregateType;
    }

    /** {@code cpq.catalog}, {@code cpq.price-list}, {@code cpq.approval-policy}, {@code cpq.quote}. */
    public String topic() {
        return EnvelopeCodec.topicOf(aggregateType);
    }

    /** The service that writes it to its outbox; no other service does. */
    public String publisher() {
        return publisher;
    }

    /** Bump (and keep reading the old one) when the payload changes shape incompatibly. */
    public int schemaVersion() {
        return 1;
    }
}
