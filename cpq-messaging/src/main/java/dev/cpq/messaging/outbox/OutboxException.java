package dev.cpq.messaging.outbox;

/** The outbox could not be written or read; the surrounding business transaction must not commit. */
public class OutboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
