package dev.cpq.messaging.inbox;

import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.event.EventEnvelope;
import dev.cpq.messaging.event.UndecodableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A Kafka consumer that applies each event exactly once in effect: the event id is recorded in the inbox
 * in the same database transaction as the handler's effect, so a redelivered or re-published event is
 * skipped (and counted); an event not newer than the aggregate version already applied is ignored (and
 * counted), so out-of-order delivery never moves a projection backwards. Offsets are committed only
 * after the database commit. Undecodable events, and events whose handler keeps failing, are parked
 * with their error and the consumer moves on; transient failures (database or Redis unreachable) are
 * retried until they pass. The loop runs under a supervisor ({@link #run()}): no failure ends the thread.
 */
public final class InboxConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class.getName());

    private final String name;
    private final DataSource dataSource;
    private final Supplier<? extends Consumer<String, byte[]>> kafkaClients;
    private final List<String> topics;
    private final EventHandler handler;
    private final ConsumerSettings settings;
    private final EnvelopeCodec codec;
    private final Map<ConsumeOutcome, Counter> outcomes = new EnumMap<>(ConsumeOutcome.class);
    private final Counter restarts;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile ConsumerHealth.State state = ConsumerHealth.State.STARTING;
    /** System.nanoTime() of the last sign of life: a poll returned, a batch committed. */
    private volatile long lastProgress = System.nanoTime();
    private volatile String lastFailure;
    /** The Kafka client of the current generation; replaced at each restart. */
    private volatile Consumer<String, byte[]> kafka;
    private volatile Thread thread;
    /** Used by the consumer thread only: the batch (first record) whose handler last ended a generation with an Error. */
    private String erroredBatch;
    /** Used by the consumer thread only: generations that batch ended with an Error in a row. */
    private int batchErrors;
    /** Used by the consumer thread only. */
    private Connection connection;

    /**
     * @param kafkaClients makes a new Kafka consumer (same group): the supervisor builds one per generation,
     *                     after the previous one failed and was closed
     */
    public InboxConsumer(String name, DataSource dataSource, Supplier<? extends Consumer<String, byte[]>> kafkaClients, List<String> topics,
            EventHandler handler, ConsumerSettings settings, EnvelopeCodec codec, MeterRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.kafkaClients = Objects.requireNonNull(kafkaClients, "kafkaClients");
        this.topics = List.copyOf(topics);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(codec, "codec");
        for (ConsumeOutcome o : ConsumeOutcome.values()) {
            outcomes.put(o, Counter.builder("cpq.messaging.consumed").tag("consumer", name).tag("outcome", o.name().toLowerCase())
                    .register(registry));
        }
        restarts = Counter.builder("cpq.messaging.consumer.restarts").tag("consumer", name)
                .description("Consumer generations ended by a failure and rebuilt by the supervisor").register(registry);
    }

    /**
     * The supervisor: runs generations of the consume loop until stopped. Whatever ends a generation (an
     * exception from poll or commitSync, an eviction from the group, an Error or an interrupt from a
     * handler), its Kafka client is closed, the failure counted and logged, and after a backoff a new
     * client rejoins the group. It resumes from the committed offsets, which never pass an event whose
     * transaction did not commit; what was committed in the database but not in Kafka comes again and
     * the inbox absorbs it.
     */
    @Override
    public void run() {
        thread = Thread.currentThread();
        int failures = 0;
        while (running) {
            long began = System.nanoTime();
            try {
                consumeOneGeneration();
            } catch (Throwable failure) { // any failure, Errors included: nothing else would restart this consumer
                if (!running) {
                    break;
                }
                Thread.interrupted(); // an interrupt that ended the generation must not cut the backoff short
                boolean livedLong = System.nanoTime() - began > settings.maxRestartBackoff().toNanos();
                failures = livedLong ? 1 : failures + 1;
                restarts.increment();
                lastFailure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                state = ConsumerHealth.State.RESTARTING;
                Duration wait = settings.restartBackoffAfter(failures);
                LOG.log(Level.WARNING, name + ": consumer failed, rejoining after " + wait + " (restart " + (long) restarts.count() + ")",
                        failure);
                sleepQuietly(wait);
            }
        }
        state = ConsumerHealth.State.STOPPED;
    }

    /** One Kafka client from subscription to close: returns when stopped, throws whatever ended it otherwise. */
    private void consumeOneGeneration() {
        Consumer<String, byte[]> client = kafkaClients.get();
        kafka = client;
        try {
            if (!running) {
                return; // stopped while the client was being built: its wakeup went to no one
            }
            client.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(p -> {
                        lag.remove(p);
                        positions.remove(p);
                    });
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // positions come from the committed offsets
                }
            });
            state = ConsumerHealth.State.RUNNING;
            while (running) {
                ConsumerRecords<String, byte[]> records = client.poll(settings.pollTimeout());
                lastProgress = System.nanoTime();
                for (TopicPartition partition : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
                    if (running && processBatch(batch)) {
                        // after the database commit: a failure before this line means redelivery, absorbed by the inbox
                        client.commitSync(Map.of(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1)));
                        lastProgress = System.nanoTime();
                    }
                }
                for (TopicPartition p : client.assignment()) {
                    OptionalLong l = client.currentLag(p);
                    if (l.isPresent()) {
                        lag.put(p, l.getAsLong());
                    }
                    positions.put(p, client.position(p));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            kafka = null;
            lag.clear();
            positions.clear();
            dropConnection();
            boolean interrupted = Thread.interrupted(); // a Kafka client closes properly only on a thread not interrupted
            try {
                client.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, name + ": closing the Kafka client failed", e);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Alive, stalled (no poll or commit for {@code stalledAfter}), restarting or stopped; for health and operators. */
    public ConsumerHealth health() {
        Duration sinceProgress = Duration.ofNanos(System.nanoTime() - lastProgress);
        boolean stalled = state == ConsumerHealth.State.RUNNING && sinceProgress.compareTo(settings.stalledAfter()) > 0;
        return new ConsumerHealth(name, state, stalled, (long) restarts.count(), lastFailure, sinceProgress);
    }

    /** Ends the loop; safe to call from any thread. */
    public void stop() {
        running = false;
        Consumer<String, byte[]> client = kafka;
        if (client != null) {
            client.wakeup();
        }
        Thread t = thread;
        if (t != null && state != ConsumerHealth.State.RUNNING) {
            t.interrupt(); // ends a restart backoff; a running generation ends at its wakeup
        }
    }

    public String name() {
        return name;
    }

    /** Records not yet consumed per assigned partition, as of the last poll. */
    public Map<TopicPartition, Long> lag() {
        return Map.copyOf(lag);
    }

    /** The next offset this consumer reads per assigned partition (committed once the batch before it committed). */
    public Map<TopicPartition, Long> offsets() {
        return Map.copyOf(positions);
    }

    public double count(ConsumeOutcome outcome) {
        return outcomes.get(outcome).count();
    }

    /**
     * Applies a partition's records in one database transaction (one commit for the whole poll), each
     * record behind a savepoint so that one failing handler does not undo the others. A transient
     * failure rolls the batch back and tries it again; a record that keeps failing is parked in the
     * same transaction. @return whether the batch committed (false only when stopping)
     */
    boolean processBatch(List<ConsumerRecord<String, byte[]>> batch) {
        String at = batch.get(0).topic() + "/" + batch.get(0).partition() + "@" + batch.get(0).offset();
        // a batch that ended generations with an Error as many times in a row as a record has attempts carries its
        // own poison (the same Error on every instance of the service): record by record, its Error is then the
        // handler's failure like an exception (attempts, then parked) instead of ending generations forever
        boolean poisoned = at.equals(erroredBatch) && batchErrors >= settings.maxAttempts();
        boolean careful = poisoned;
        while (running) {
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

    private void dropConnection() {
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
     * The common path, set-based: one statement records every event id of the batch in the inbox, one
     * locks the applied versions of their aggregates, the handler gets the fresh and newer events in
     * order, one statement raises the versions and one marks the stale ones. No savepoints: a handler
     * failure sends the batch through the careful path.
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
        Set<UUID> fresh = recordInInbox(c, events);
        Map<AggregateRef, Long> applied = lockAppliedVersions(c, events);
        Set<UUID> seen = new HashSet<>();
        List<EventEnvelope> toApply = new ArrayList<>();
        List<UUID> stale = new ArrayList<>();
        Map<AggregateRef, Long> raised = new LinkedHashMap<>();
        for (EventEnvelope e : events) {
            if (!fresh.contains(e.eventId()) || !seen.add(e.eventId())) {
                counted.merge(ConsumeOutcome.DUPLICATE, 1, Integer::sum);
                continue;
            }
            AggregateRef ref = AggregateRef.of(e);
            if (e.aggregateVersion() <= applied.getOrDefault(ref, 0L)) {
                stale.add(e.eventId());
                counted.merge(ConsumeOutcome.IGNORED_STALE, 1, Integer::sum);
                continue;
            }
            applied.put(ref, e.aggregateVersion());
            raised.put(ref, e.aggregateVersion());
            toApply.add(e);
            counted.merge(ConsumeOutcome.APPLIED, 1, Integer::sum);
        }
        try {
            handler.applyAll(toApply, c);
        } catch (Exception e) {
            if (settings.transientFailure().test(e)) {
                throw e;
            }
            throw new HandlerFailedException(e);
        }
        raiseVersions(c, raised);
        markStale(c, stale);
    }

    private record AggregateRef(String tenant, String type, String id) {

        static AggregateRef of(EventEnvelope e) {
            return new AggregateRef(e.tenantId(), e.aggregateType(), e.aggregateId());
        }
    }

    private Set<UUID> recordInInbox(Connection c, List<EventEnvelope> events) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_event (consumer, event_id, tenant_id, event_type,"
                + " aggregate_type, aggregate_id, aggregate_version, outcome) SELECT ?, e, t, et, at, ai, v, 'APPLIED'"
                + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS x(e, t, et, at, ai, v)"
                + " ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id")) {
            ps.setString(1, name);
            ps.setArray(2, c.createArrayOf("uuid", events.stream().map(EventEnvelope::eventId).toArray()));
            ps.setArray(3, c.createArrayOf("text", events.stream().map(EventEnvelope::tenantId).toArray()));
            ps.setArray(4, c.createArrayOf("text", events.stream().map(EventEnvelope::eventType).toArray()));
            ps.setArray(5, c.createArrayOf("text", events.stream().map(EventEnvelope::aggregateType).toArray()));
            ps.setArray(6, c.createArrayOf("text", events.stream().map(EventEnvelope::aggregateId).toArray()));
            ps.setArray(7, c.createArrayOf("bigint", events.stream().map(EventEnvelope::aggregateVersion).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }

    private Map<AggregateRef, Long> lockAppliedVersions(Connection c, List<EventEnvelope> events) throws SQLException {
        Set<AggregateRef> refs = new LinkedHashSet<>();
        events.forEach(e -> refs.add(AggregateRef.of(e)));
        Map<AggregateRef, Long> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.tenant_id, v.aggregate_type, v.aggregate_id, v.version"
                + " FROM inbox_aggregate_version v JOIN unnest(?::text[], ?::text[], ?::text[]) AS x(t, at, ai)"
                + " ON v.tenant_id = x.t AND v.aggregate_type = x.at AND v.aggregate_id = x.ai WHERE v.consumer = ? FOR UPDATE OF v")) {
            ps.setArray(1, c.createArrayOf("text", refs.stream().map(AggregateRef::tenant).toArray()));
            ps.setArray(2, c.createArrayOf("text", refs.stream().map(AggregateRef::type).toArray()));
            ps.setArray(3, c.createArrayOf("text", refs.stream().map(AggregateRef::id).toArray()));
            ps.setString(4, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(new AggregateRef(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                }
            }
        }
        return versions;
    }

    private void raiseVersions(Connection c, Map<AggregateRef, Long> raised) throws SQLException {
        if (raised.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_aggregate_version (consumer, tenant_id, aggregate_type,"
                + " aggregate_id, version) SELECT ?, t, at, ai, v FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[]) AS x(t, at, ai, v)"
                + " ON CONFLICT (consumer, tenant_id, aggregate_type, aggregate_id)"
                + " DO UPDATE SET version = GREATEST(inbox_aggregate_version.version, EXCLUDED.version)")) {
            ps.setString(1, name);
            ps.setArray(2, c.createArrayOf("text", raised.keySet().stream().map(AggregateRef::tenant).toArray()));
            ps.setArray(3, c.createArrayOf("text", raised.keySet().stream().map(AggregateRef::type).toArray()));
            ps.setArray(4, c.createArrayOf("text", raised.keySet().stream().map(AggregateRef::id).toArray()));
            ps.setArray(5, c.createArrayOf("bigint", raised.values().toArray()));
            ps.executeUpdate();
        }
    }

    private void markStale(Connection c, List<UUID> stale) throws SQLException {
        if (stale.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE inbox_event SET outcome = 'IGNORED_STALE' WHERE consumer = ? AND event_id = ANY(?)")) {
            ps.setString(1, name);
            ps.setArray(2, c.createArrayOf("uuid", stale.toArray()));
            ps.executeUpdate();
        }
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
            park(c, record, raw, null, e.getMessage(), 1);
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
        String raw = received.raw();
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
                    park(c, record, raw, event, e.toString(), attempt);
                    return ConsumeOutcome.PARKED;
                }
                LOG.log(Level.FINE, name + ": attempt " + attempt + " of " + event.eventId() + " failed", e);
                pause(settings.retryBackoff());
            }
        }
    }

    /** Applies one event in one transaction: inbox record, version check, effect, version record. */
    public ConsumeOutcome applyOnce(EventEnvelope event) throws Exception {
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

    /**
     * Records the event in the inbox and, when it is newer than what this consumer applied for its
     * aggregate, raises the applied version, in one round trip; then applies the effect. Everything
     * is undone with the surrounding transaction if the effect fails.
     */
    private ConsumeOutcome apply(Connection c, EventEnvelope event) throws Exception {
        boolean fresh;
        boolean newer;
        try (PreparedStatement ps = c.prepareStatement(RECORD)) {
            ps.setString(1, name);
            ps.setObject(2, event.eventId());
            ps.setString(3, event.tenantId());
            ps.setString(4, event.eventType());
            ps.setString(5, event.aggregateType());
            ps.setString(6, event.aggregateId());
            ps.setLong(7, event.aggregateVersion());
            ps.setString(8, name);
            ps.setString(9, event.tenantId());
            ps.setString(10, event.aggregateType());
            ps.setString(11, event.aggregateId());
            ps.setLong(12, event.aggregateVersion());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                fresh = rs.getBoolean(1);
                newer = rs.getBoolean(2);
            }
        }
        if (!fresh) {
            return ConsumeOutcome.DUPLICATE;
        }
        if (!newer) {
            try (PreparedStatement stale = c.prepareStatement(
                    "UPDATE inbox_event SET outcome = 'IGNORED_STALE' WHERE consumer = ? AND event_id = ?")) {
                stale.setString(1, name);
                stale.setObject(2, event.eventId());
                stale.executeUpdate();
            }
            return ConsumeOutcome.IGNORED_STALE;
        }
        handler.apply(event, c);
        return ConsumeOutcome.APPLIED;
    }

    /** Inbox insert (dedupe) and applied-version raise (order guard) as one statement. */
    private static final String RECORD = "WITH inbox AS ("
            + " INSERT INTO inbox_event (consumer, event_id, tenant_id, event_type, aggregate_type, aggregate_id, aggregate_version, outcome)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'APPLIED') ON CONFLICT (consumer, event_id) DO NOTHING RETURNING consumer),"
            + " raised AS (INSERT INTO inbox_aggregate_version (consumer, tenant_id, aggregate_type, aggregate_id, version)"
            + " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM inbox)"
            + " ON CONFLICT (consumer, tenant_id, aggregate_type, aggregate_id) DO UPDATE SET version = EXCLUDED.version"
            + " WHERE inbox_aggregate_version.version < EXCLUDED.version RETURNING version)"
            + " SELECT EXISTS (SELECT 1 FROM inbox), EXISTS (SELECT 1 FROM raised)";

    private void park(Connection c, ConsumerRecord<String, byte[]> record, String raw, EventEnvelope event, String error, int attempts)
            throws SQLException {
        LOG.warning(() -> name + ": parking " + record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + error);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO parked_event (consumer, event_id, tenant_id, topic,"
                + " kafka_partition, kafka_offset, raw, error, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING")) {
            ps.setString(1, name);
            ps.setObject(2, event == null ? null : event.eventId());
            ps.setString(3, event == null ? null : event.tenantId());
            ps.setString(4, record.topic());
            ps.setInt(5, record.partition());
            ps.setLong(6, record.offset());
            ps.setString(7, raw);
            ps.setString(8, error.length() > 4000 ? error.substring(0, 4000) : error);
            ps.setInt(9, attempts);
            ps.executeUpdate();
        }
    }

    /**
     * Operators: applies a parked event again through the inbox (so it still cannot apply twice) and
     * marks it re-driven. @return the outcome, or empty when the parked row does not exist or is done
     */
    public java.util.Optional<ConsumeOutcome> redrive(long parkedId) throws Exception {
        String raw;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT raw FROM parked_event WHERE id = ? AND consumer = ? AND status = 'PARKED'")) {
            ps.setLong(1, parkedId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                raw = rs.getString(1);
            }
        }
        ConsumeOutcome outcome = applyOnce(codec.decode(raw));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE parked_event SET status = 'REDRIVEN', redriven_at = now() WHERE id = ?")) {
            ps.setLong(1, parkedId);
            ps.executeUpdate();
        }
        return java.util.Optional.of(outcome);
    }

    /** Counts of one tenant's parked events by status (undecodable ones name no tenant and are not counted). */
    public Map<String, Long> parkedCounts(String tenantId) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT status, count(*) FROM parked_event WHERE consumer = ? AND tenant_id = ? GROUP BY status")) {
            ps.setString(1, name);
            ps.setString(2, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Counts of parked events by status, for operations endpoints. */
    public Map<String, Long> parkedCounts() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM parked_event WHERE consumer = ? GROUP BY status")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
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

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop() interrupts a backoff; the loop then sees running == false
        }
    }
}
