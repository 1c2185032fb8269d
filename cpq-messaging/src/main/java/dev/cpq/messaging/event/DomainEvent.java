package dev.cpq.messaging.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A business event class of a service ({@code CatalogPublished}, {@code QuoteAccepted}, ...): built with an
 * {@code of(...)} factory from the aggregate, it names its aggregate and hands over a payload it built
 * itself, so the wire format never follows a refactoring by accident.
 */
public interface DomainEvent {

    String tenantId();

    String aggregateType();

    String aggregateId();

    long aggregateVersion();

    String eventType();

    /** Bump when the payload changes shape incompatibly. */
    int schemaVersion();

    JsonNode payload();
}
