package dev.cpq.messaging.relay;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a refusal of one event by Kafka (it would be refused again, whatever the broker's health) from an
 * outage. Only the former charges an attempt to the event; anything not known to be about the record
 * itself counts as an outage, so that no broker trouble can ever exhaust an event's attempts.
 */
final class PermanentPublishFailure {

    private PermanentPublishFailure() {}

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException || t instanceof InvalidRecordException
                    || t instanceof InvalidTopicException || t instanceof SerializationException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
