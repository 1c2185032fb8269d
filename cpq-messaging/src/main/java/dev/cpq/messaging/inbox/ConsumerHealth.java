package dev.cpq.messaging.inbox;

import java.time.Duration;

/**
 * How a consumer is doing, for {@code /health} and operators.
 *
 * @param state         where its supervisor is
 * @param stalled       running, but no poll returned and no batch committed for longer than allowed (a batch
 *                      retried through a long outage, a blocked call)
 * @param restarts      generations ended by a failure and rebuilt since the start
 * @param lastFailure   what ended the last failed generation, or null
 * @param sinceProgress time since the last poll returned or batch committed
 */
public record ConsumerHealth(String name, State state, boolean stalled, long restarts, String lastFailure, Duration sinceProgress) {

    public enum State {
        STARTING,
        RUNNING,
        /** A generation failed; waiting out the backoff before a new client rejoins. */
        RESTARTING,
        STOPPED
    }

    /** Consuming: running and not stalled. */
    public boolean healthy() {
        return (state == State.RUNNING || state == State.STARTING) && !stalled;
    }
}
