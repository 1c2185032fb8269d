package dev.cpq.platform.messaging.entity;

import dev.cpq.messaging.inbox.ConsumerHealth;

/**
 * One consumer as operators see it: its supervisor's state, whether it is stalled, how often it was
 * rebuilt after a failure, and the kind of the last failure. A consumer serves every tenant, so the
 * failure's text (which may name another tenant's event) stays in the server log; the answer, read by any
 * tenant's operator, carries only its kind.
 */
public record ConsumerState(String state, boolean stalled, boolean healthy, long restarts, String lastFailure, long secondsSinceProgress) {

    public static ConsumerState of(ConsumerHealth h) {
        return new ConsumerState(h.state().name(), h.stalled(), h.healthy(), h.restarts(), kindOf(h.lastFailure()),
                h.sinceProgress().toSeconds());
    }

    private static String kindOf(String failure) {
        if (failure == null) {
            return null;
        }
        int colon = failure.indexOf(':');
        return colon < 0 ? failure : failure.substring(0, colon);
    }
}
