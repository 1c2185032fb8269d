package dev.cpq.platform.messaging.entity;

import java.util.List;

/** The consumers a service runs; each WAR produces exactly one (possibly empty) list. */
public record EventConsumers(List<ConsumerDefinition> consumers) {

    public EventConsumers {
        consumers = List.copyOf(consumers);
    }

    public static EventConsumers none() {
        return new EventConsumers(List.of());
    }
}
