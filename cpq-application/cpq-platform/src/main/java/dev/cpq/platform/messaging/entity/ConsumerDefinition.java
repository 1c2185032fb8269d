package dev.cpq.platform.messaging.entity;

import dev.cpq.messaging.inbox.EventHandler;
import java.util.List;
import java.util.Objects;

/**
 * One event consumer a service runs: its name (also its inbox name and, prefixed by the service, its
 * Kafka consumer group), the topics it reads, and what it does with an event.
 */
public record ConsumerDefinition(String name, List<String> topics, EventHandler handler) {

    public ConsumerDefinition {
        Objects.requireNonNull(name, "name");
        topics = List.copyOf(topics);
        Objects.requireNonNull(handler, "handler");
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a consumer reads at least one topic");
        }
    }
}
