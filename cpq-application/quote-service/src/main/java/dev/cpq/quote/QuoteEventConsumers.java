package dev.cpq.quote;

import dev.cpq.platform.messaging.entity.EventConsumers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Quote consumes no events: the facts its decisions depend on (active catalog and price list versions,
 * the approval policy) are asked of their owners' databases at submit and accept, never of a replica.
 */
@ApplicationScoped
public class QuoteEventConsumers {

    @Produces
    EventConsumers consumers() {
        return EventConsumers.none();
    }
}
