package dev.cpq.platform.messaging.entity;

import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import java.util.UUID;

/** Only a FAILED event is redriven; a pending one is still being tried and a sent one was delivered. */
public class OutboxEventNotFailedException extends ProblemException {

    private static final long serialVersionUID = 1L;
    private final String status;

    public OutboxEventNotFailedException(UUID eventId, String status) {
        super("Outbox event " + eventId + " is " + status + ", not FAILED.");
        this.status = status;
    }

    @Override
    public Problem problem() {
        return Problem.of("OUTBOX_EVENT_NOT_FAILED", 409, "Not a failed event", getMessage()).with("eventStatus", status);
    }
}
