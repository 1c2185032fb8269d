package dev.cpq.messaging.inbox;

/** What happened to one event at one consumer. */
public enum ConsumeOutcome {
    APPLIED,
    /** Already processed (same event id): redelivery, a relay re-publish, a replay. */
    DUPLICATE,
    /** Not newer than the aggregate version already applied: out of order or replayed. */
    IGNORED_STALE,
    /** Not a type this consumer handles: recorded so it is not looked at again. */
    NOT_HANDLED,
    /** Undecodable or failing after its retries: parked for an operator. */
    PARKED
}
