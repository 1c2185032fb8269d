package dev.cpq.messaging.inbox;

import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.event.UndecodableEventException;
import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A partition's records of one poll applied in one database transaction: each event through the
 * {@link InboxLog} (so it applies once, and never behind a newer one), its effect by the handler, the
 * failures that will not pass to the {@link ParkingLot}. Transient failures roll the batch back and try
 * it again. Used by the consumer's thread only.
 */
final class InboxBatches {

    private static final Logger LOG = Logger.getLogger(InboxBatches.class.getName());

    private final String name;
    private final DataSource dataSource;
    private final EventHandler handler;
    private final ConsumerSettings settings;
    private final EnvelopeCodec codec;
    private final InboxLog inbox;
    private final ParkingLot parking;
    private final Map<ConsumeOutcome, Counter> outcomes;
    /** The batch (first record) whose handler last ended a generation with an Error. */
    private String erroredBatch;
    /** Generations that batch ended with an Error in a row. */
    private int batchErrors;
    private Connection connection;

    InboxBatches(String name, DataSource dataSource, EventHandler handler, ConsumerSettings settings, EnvelopeCodec codec, InboxLog inbox,
            ParkingLot parking, Map<ConsumeOutcome, Counter> outcomes) {
        this.name = name;
        this.dataSource = dataSource;
        this.handler = handler;
        this.settings = settings;
        this.codec = codec;
        this.inbox = inbox;
        this.parking = parking;
        this.outcomes = outcomes;
    }

    /**
     * Applies a partition's records in one database transaction (one commit for the whole poll), each
     * record behind a savepoint so that one failing handler does not undo the others. A transient
     * failure rolls the batch back and tries it again; a record that keeps failing is parked in the
     * same transaction. @return whether the batch committed (false only when stopping)
     */
    boolean process(List<ConsumerRecord<String, byte[]>> batch, BooleanSupplier running) {
        String at = batch.get(0).topic() + "/" + batch.get(0).partition() + "@" + batch.get(0).offset();
        // a batch that ended generations with an Error as many times in a row as a record has attempts carries its
        // own poison (the same Error on every instance of the service): record by record, its Error is then the
        // handler's failure like an exception (attempts, then parked) instead of ending generations forever
        boolean poisoned = at.equals(erroredBatch) && batchErrors >= settings.maxAttempts();
        boolean careful = poisoned;
        while (running.getAsBoolean()) {
            Map<ConsumeOutcome, Integer> counted = new EnumMap<>(ConsumeOutcome.class);
            try {
                Connection c = connection();
                c.setAutoCommit(false);
                boolean committed = false;
                try {
                    if (careful) {
                        for (ConsumerRecord<String, byte[]> record : batch) {
                            counted.merge(processRecord(c, record, poisoned), 1, Integer::sum);
                        }
                    } else {
                        applyBatch(c, batch, counted);
                    }
                    c.commit();
                    committed = true;
                    counted.forEach((outcome, n) -> outcomes.get(outcome).increment(n));
                    return true;
                } finally {
                    // whatever stopped the batch (an exception, an Error, an interrupt), its half is undone; never
                    // committed by turning autocommit back on, which would record events in the inbox as applied
                    // without their effect
                    endTransaction(c, committed);
                }
            } catch (HandlerFailedException e) {
                // one record's handler failed: redo the batch record by record behind savepoints
                careful = true;
            } catch (Error e) {
                batchErrors = at.equals(erroredBatch) ? batchErrors + 1 : 1;
                erroredBatch = at;
                throw e; // the supervisor restarts the consumer
            } catch (Exception e) {
                LOG.log(Level.WARNING, name + ": batch of " + batch.size() + " rolled back, retrying after " + settings.retryBackoff(), e);
                dropConnection();
                pause(settings.retryBackoff());
            }
        }
        return false;
    }

    private void endTransaction(Connection c, boolean committed) {
        try {
            if (!committed) {
                c.rollback();
            }
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            dropConnection(); // closing it ends the transaction on the server, uncommitted
        }
    }

    /** The consumer's own connection, kept across batches (opening one costs more than a batch). */
    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
        }
        return connection;
    }

    void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is broken already
            }
            connection = null;
        }
    }

    /**
     * The common path, set-based: the inbox admits the batch's events in two statements, the handler gets
     * the fresh and newer ones in order, the inbox settles them. No savepoints: a handler failure sends the
     * batch through the careful path.
     */
    private void applyBatch(Connection c, List<ConsumerRecord<String, byte[]>> batch, Map<ConsumeOutcome, Integer> counted) throws Exception {
        List<EventEnvelope> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            Received received = receive(c, record);
            if (received.settled() != null) {
                counted.merge(received.settled(), 1, Integer::sum);
            } else {
                events.add(received.event());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        InboxLog.Admission admission = inbox.admit(c, events);
        admission.outcomes().forEach((outcome, n) -> counted.merge(outcome, n, Integer::sum));
        try {
            handler.applyAll(admission.toApply(), c);
        } catch (Exception e) {
            if (settings.transientFailure().test(e)) {
                throw e;
            }
            throw new HandlerFailedException(e);
        }
        inbox.settle(c, admission);
    }

    /** A record read off Kafka: its event, or the outcome that settles it without a handler. */
    private record Received(String raw, EventEnvelope event, ConsumeOutcome settled) {}

    /** Decodes a record; an undecodable one is parked at once, one of a type not handled is skipped. */
    private Received receive(Connection c, ConsumerRecord<String, byte[]> record) throws SQLException {
        String raw = new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8);
        EventEnvelope event;
        try {
            event = codec.decode(raw);
        } catch (UndecodableEventException e) {
            parking.park(c, record, raw, null, e.getMessage(), 1);
            return new Received(raw, null, ConsumeOutcome.PARKED);
        }
        if (!handler.eventTypes().contains(event.eventType())) {
            return new Received(raw, event, ConsumeOutcome.NOT_HANDLED);
        }
        return new Received(raw, event, null);
    }

    /** A handler failed deterministically on the fast path. */
    private static final class HandlerFailedException extends Exception {

        private static final long serialVersionUID = 1L;

        HandlerFailedException(Exception cause) {
            super(cause);
        }
    }

    /** One record inside the batch transaction; transient failures propagate and retry the batch. */
    private ConsumeOutcome processRecord(Connection c, ConsumerRecord<String, byte[]> record, boolean poisoned) throws Exception {
        Received received = receive(c, record);
        if (received.settled() != null) {
            return received.settled();
        }
        EventEnvelope event = received.event();
        for (int attempt = 1;; attempt++) {
            Savepoint before = c.setSavepoint();
            try {
                ConsumeOutcome outcome = apply(c, event);
                c.releaseSavepoint(before);
                return outcome;
            } catch (Exception | Error e) {
                c.rollback(before);
                if (e instanceof Error error && !poisoned) {
                    throw error;
                }
                if (e instanceof Exception exception && settings.transientFailure().test(exception)) {
                    throw exception;
                }
                if (attempt >= settings.maxAttempts()) {
                    parking.park(c, record, received.raw(), event, e.toString(), attempt);
                    return ConsumeOutcome.PARKED;
                }
                LOG.log(Level.FINE, name + ": attempt " + attempt + " of " + event.eventId() + " failed", e);
                pause(settings.retryBackoff());
            }
        }
    }

    /** Applies one event in one transaction of its own: inbox record, version check, effect, version record. */
    ConsumeOutcome applyOnce(EventEnvelope event) throws Exception {
        if (!handler.eventTypes().contains(event.eventType())) {
            return ConsumeOutcome.NOT_HANDLED;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ConsumeOutcome outcome = apply(c, event);
                c.commit();
                return outcome;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The inbox admits the event, then the handler applies it; all undone with the transaction if the effect fails. */
    private ConsumeOutcome apply(Connection c, EventEnvelope event) throws Exception {
        ConsumeOutcome admitted = inbox.admit(c, event);
        if (admitted == ConsumeOutcome.APPLIED) {
            handler.apply(event, c);
        }
        return admitted;
    }

    /** A wait between retries; an interrupt ends the generation (the supervisor decides what comes next). */
    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }
}
