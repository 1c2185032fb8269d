package dev.cpq.messaging.inbox;

import dev.cpq.messaging.event.EventEnvelope;
import java.sql.Connection;
import java.util.Set;

/**
 * The effect of an event on one consumer. Called at most once per event id and only for events newer
 * than the aggregate version this consumer applied, inside the transaction that records both.
 */
public interface EventHandler {

    /** The event types this handler applies; others are recorded and skipped. */
    Set<String> eventTypes();

    void apply(EventEnvelope event, Connection transaction) throws Exception;

    /**
     * Applies several events of one poll, in delivery order, all of them fresh and newer than what was
     * applied. A handler may do this more cheaply than one by one (a cache invalidator moves each
     * pointer once, to the newest version).
     */
    default void applyAll(java.util.List<EventEnvelope> events, Connection transaction) throws Exception {
        for (EventEnvelope event : events) {
            apply(event, transaction);
        }
    }
}
