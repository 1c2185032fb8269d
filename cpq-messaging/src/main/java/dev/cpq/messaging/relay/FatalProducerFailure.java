package dev.cpq.messaging.relay;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Tells a failure of the producer itself from an outage: after one of these every further send of that
 * producer fails the same way (it was fenced, lost its sequence, is refused by the cluster, or was closed),
 * so waiting does not help and the relay builds a new producer. The rows are not charged for it.
 */
final class FatalProducerFailure {

    private FatalProducerFailure() {}

    static boolean isFatal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // IllegalStateException: "Cannot perform operation after producer has been closed"
            if (t instanceof ProducerFencedException || t instanceof OutOfOrderSequenceException || t instanceof AuthenticationException
                    || t instanceof ClusterAuthorizationException || t instanceof TransactionalIdAuthorizationException
                    || t instanceof UnsupportedVersionException || t instanceof IllegalStateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
