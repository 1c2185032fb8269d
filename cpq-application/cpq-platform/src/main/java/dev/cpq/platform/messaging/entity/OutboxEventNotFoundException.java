package dev.cpq.platform.messaging.entity;

import dev.cpq.platform.problem.entity.ResourceNotFoundException;
import java.util.UUID;

/** No outbox event with that id in the caller's tenant (another tenant's event is just as unknown). */
public class OutboxEventNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public OutboxEventNotFoundException(UUID eventId) {
        super("OUTBOX_EVENT_NOT_FOUND", "No outbox event " + eventId + ".");
    }
}
