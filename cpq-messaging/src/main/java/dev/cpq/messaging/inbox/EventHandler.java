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
}
