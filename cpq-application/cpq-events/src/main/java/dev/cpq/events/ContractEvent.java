package dev.cpq.events;

import dev.cpq.messaging.event.DomainEvent;

/**
 * The lines every published event has in common: its name, aggregate type and schema come from its
 * {@link PublishedEvent}; the event itself supplies the tenant, the aggregate id and version, and its payload.
 */
public interface ContractEvent extends DomainEvent {

    PublishedEvent kind();

    @Override
    default String eventType() {
        return kind().eventType();
    }

    @Override
    default String aggregateType() {
        return kind().aggregateType();
    }

    @Override
    default int schemaVersion() {
        return kind().schemaVersion();
    }
}
