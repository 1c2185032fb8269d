package dev.cpq.messaging.event;

/** Bytes on a topic that are not an event envelope: parked, never retried. */
public class UndecodableEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UndecodableEventException(String message) {
        super(message);
    }
}
