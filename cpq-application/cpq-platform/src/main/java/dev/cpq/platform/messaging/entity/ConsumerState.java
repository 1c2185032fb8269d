package dev.cpq.platform.messaging.entity;

import dev.cpq.messaging.inbox.ConsumerHealth;

/**
 * One consumer as operators see it: its supervisor's state, whether it is stalled, how often it was
 * rebuilt after a failure, and the last failure.
 */
public record ConsumerState(String state, boolean stalled, boolean healthy, long restarts, String lastFailure, long secondsSinceProgress) {

    public static ConsumerState of(ConsumerHealth h) {
        return new ConsumerState(h.state().name(), h.stalled(), h.healthy(), h.restarts(), h.lastFailure(), h.sinceProgress().toSeconds());
    }
}
