package dev.cpq.messaging.relay;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Publishes a schema's outbox to Kafka. Rows are claimed per partition (a hash of the aggregate id):
 * a transaction-scoped advisory lock gives one relay at a time a partition, so any number of relays may
 * run against one table without publishing a row twice or reordering an aggregate's events. A batch is
 * claimed, sent with an idempotent producer (acks=all, key = aggregate id), and marked SENT only once
 * Kafka acknowledged it, in one transaction. Kafka being unreachable is nobody's fault: those rows stay
 * due and uncharged, and the loop backs off as a whole. An event Kafka refuses for itself (too large,
 * invalid) is charged an attempt and retried with exponential backoff; after the last attempt it is
 * FAILED and waits for an operator. Either way an aggregate's later events wait behind it. A producer that
 * failed for good (fenced, closed, refused by the cluster) is closed and a new one built at the next batch,
 * after the loop's outage backoff; its rows wait uncharged. A row another transaction holds is skipped
 * together with its aggregate's later rows, and no statement waits for a lock longer than {@link #LOCK_TIMEOUT}.
 */
public final class OutboxRelay implements AutoCloseable {

    public static final int PARTITIONS = 16;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    // the first free partitions in the given order, at most ?; LIMIT stops the evaluation (and the locking) early
    private static final String LOCK = "SELECT p FROM unnest(?::int[]) AS t(p)"
            + " WHERE pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'), p) LIMIT ?";
    // the oldest due rows of the held partitions, each only when no earlier unsent event of its aggregate is FAILED
    // (waiting for an operator) or backing off after a permanent error: an aggregate's events never overtake each other.
    // SKIP LOCKED, so a row held by another (possibly stuck) transaction stalls neither the relay nor other aggregates;
    // order still holds: of the rows claimed, only those with no earlier PENDING row of their aggregate left out of the
    // claim are returned (a skipped row holds back its aggregate's later rows, which stay due, untouched). The last
    // column counts the rows claimed, for "drained".
    private static final String CLAIM = "WITH due AS (SELECT id, aggregate_id, topic, envelope, attempts, event_id, event_type, tenant_id,"
            + " aggregate_type FROM outbox_event o WHERE status = 'PENDING' AND partition_no = ANY(?) AND next_attempt_at <= now()"
            + " AND NOT EXISTS (SELECT 1 FROM outbox_event b WHERE b.aggregate_id = o.aggregate_id AND b.status <> 'SENT'"
            + " AND b.id < o.id AND b.aggregate_type = o.aggregate_type AND b.tenant_id = o.tenant_id"
            + " AND (b.status = 'FAILED' OR (b.status = 'PENDING' AND b.next_attempt_at > now())))"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " SELECT d.*, (SELECT count(*) FROM due) FROM due d WHERE NOT EXISTS (SELECT 1 FROM outbox_event s"
            + " WHERE s.aggregate_id = d.aggregate_id AND s.status = 'PENDING' AND s.id < d.id AND s.aggregate_type = d.aggregate_type"
            + " AND s.tenant_id = d.tenant_id AND s.id NOT IN (SELECT id FROM due)) ORDER BY d.id";
    /**
     * The longest any statement of a batch waits for a lock (a table lock of a migration, say): then the batch fails
     * and the loop tries again, instead of waiting for as long as the holder lives.
     */
    static final java.time.Duration LOCK_TIMEOUT = java.time.Duration.ofSeconds(2);
    /** Partitions one batch takes at most: two relays starting at different partitions share the work. */
    static final int PARTITIONS_PER_BATCH = PARTITIONS / 2;
    private static final String MARK_SENT = "UPDATE outbox_event SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = ANY(?)";
    // a per-event permanent error (too large, invalid): one attempt charged to that row alone
    private static final String MARK_FAILED_ATTEMPT = "UPDATE outbox_event SET attempts = attempts + 1, last_error = ?,"
            + " next_attempt_at = now() + (? * interval '1 millisecond'),"
            + " status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END WHERE id = ?";
    // Kafka unreachable or slow: nothing is wrong with the rows, so no attempt is charged and they stay due
    private static final String MARK_DEFERRED = "UPDATE outbox_event SET last_error = ?,"
            + " next_attempt_at = now() + (? * interval '1 millisecond') WHERE id = ?";

    private final DataSource dataSource;
    private final Supplier<? extends Producer<String, byte[]>> producers;
    private final RelaySettings settings;
    private final Clock clock;
    private final AtomicLong producerRebuilds = new AtomicLong();
    private volatile boolean lastPassMetOutage;
    /** The producer in use; null before the first batch and after a fatal failure (the next batch builds one). */
    private Producer<String, byte[]> producer;

    /**
     * @param producers builds the relay's producer: once at first use, and again after a fatal failure of the
     *                  previous one (fenced, closed, refused by the cluster), which the relay closes; the relay
     *                  owns what it builds and closes it in {@link #close()}
     */
    public OutboxRelay(DataSource dataSource, Supplier<? extends Producer<String, byte[]>> producers, RelaySettings settings, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.producers = Objects.requireNonNull(producers, "producers");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Producers built after a fatal failure of the previous one, since the start. */
    public long producerRebuilds() {
        return producerRebuilds.get();
    }

    /** Closes the producer in use, waiting a little for what it still has to send. */
    @Override
    public synchronized void close() {
        boolean interrupted = Thread.interrupted(); // a Kafka client closes properly only on a thread not interrupted
        try {
            discardProducer(java.time.Duration.ofSeconds(5));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The producer to send with, built if there is none; empty when building failed (an outage: try again later). */
    private synchronized Optional<Producer<String, byte[]>> producer() {
        if (producer == null) {
            try {
                producer = producers.get();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not build the relay's Kafka producer; trying again after the outage backoff", e);
                return Optional.empty();
            }
        }
        return Optional.of(producer);
    }

    /** After a fatal failure: the next batch builds a new producer (after the loop's outage backoff). */
    private synchronized void producerFailed(Producer<String, byte[]> failed, Throwable why) {
        if (producer == failed) {
            LOG.log(Level.WARNING, "the relay's Kafka producer failed for good; building a new one", why);
            discardProducer(java.time.Duration.ZERO); // it failed for good: nothing it holds will go out
            producerRebuilds.incrementAndGet();
        }
    }

    private void discardProducer(java.time.Duration wait) {
        if (producer != null) {
            try {
                producer.close(wait);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a failed producer failed", e);
            }
            producer = null;
        }
    }

    /**
     * One pass over every partition, starting at {@code firstPartition}: each partition that is free is
     * relayed batch after batch until it has nothing due.
     * @return rows marked SENT in this pass
     */
    public int relayPass(int firstPartition) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return relayPass(c, firstPartition);
        }
    }

    /** A pass on the caller's connection (the relay loop keeps one: connections are not free to open). */
    public int relayPass(Connection c, int firstPartition) throws SQLException {
        lastPassMetOutage = false;
        int sent = 0;
        int drainedRounds = 0;
        int start = firstPartition;
        c.setAutoCommit(false);
        try {
            // each round holds up to half of the partitions; alternate halves until both were drained in a row.
            // A round whose claim saw fewer rows than a batch took every row then due in the partitions it held
            // (a row committed later notifies again), so it need not be repeated to find them empty.
            while (drainedRounds < 2) {
                BatchResult batch = relayBatchAndCommit(c, rotated(start));
                sent += batch.sent();
                if (batch.outage()) {
                    return sent; // Kafka is unreachable: another round would only wait for the same timeout
                }
                drainedRounds = batch.drained() ? drainedRounds + 1 : 0;
                start = Math.floorMod(start + PARTITIONS_PER_BATCH, PARTITIONS);
            }
            return sent;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static int[] rotated(int first) {
        int[] order = new int[PARTITIONS];
        for (int i = 0; i < PARTITIONS; i++) {
            order[i] = Math.floorMod(first + i, PARTITIONS);
        }
        return order;
    }

    /**
     * What one batch did: rows sent, rows that failed this attempt, or the partition was taken; drained when
     * it saw every row then due in the partitions it held (fewer than a batch); outage when Kafka could not
     * be reached (those rows were deferred, not charged).
     */
    public record BatchResult(int sent, int failed, boolean partitionTaken, boolean drained, boolean outage) {

        static final BatchResult TAKEN = new BatchResult(0, 0, true, true, false);
        static final BatchResult NOTHING_DUE = new BatchResult(0, 0, false, true, false);
        static final BatchResult OUTAGE = new BatchResult(0, 0, false, false, true);
    }

    /** Whether the last pass stopped because Kafka was unreachable (the loop then backs off as a whole). */
    public boolean lastPassMetOutage() {
        return lastPassMetOutage;
    }

    /** Claims, publishes and marks one batch of a partition in one transaction. */
    public BatchResult relayBatch(int partition) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                return relayBatchAndCommit(c, new int[] {partition});
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private BatchResult relayBatchAndCommit(Connection c, int[] partitions) throws SQLException {
        try {
            BatchResult result = relayBatch(c, partitions);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * One transaction over the given partitions: takes those no other relay holds (transaction-scoped
     * advisory locks, released by the commit), claims their due rows oldest first, publishes, marks.
     */
    private BatchResult relayBatch(Connection c, int[] partitions) throws SQLException {
        Optional<Producer<String, byte[]>> built = producer();
        if (built.isEmpty()) {
            lastPassMetOutage = true;
            return BatchResult.OUTAGE;
        }
        Producer<String, byte[]> producer = built.get();
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
        }
        List<Integer> locked = new ArrayList<>();
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setArray(1, c.createArrayOf("int", java.util.Arrays.stream(partitions).boxed().toArray()));
            lock.setInt(2, PARTITIONS_PER_BATCH);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    locked.add(rs.getInt(1));
                }
            }
        }
        if (locked.isEmpty()) {
            return BatchResult.TAKEN;
        }
        Claim claim = claim(c, locked);
        List<Claimed> batch = claim.rows();
        if (batch.isEmpty()) {
            return claim.drained() ? BatchResult.NOTHING_DUE : new BatchResult(0, 0, false, false, false);
        }
        // aggregates with an event refused (at send or in its acknowledgement): their later events of this batch
        // are not sent (order kept)
        Set<String> stopped = new HashSet<>();
        List<Claimed> deferred = new ArrayList<>();
        List<Long> sent = new ArrayList<>(batch.size());
        List<Claimed> refusedRows = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        // topics Kafka could not take a record for (unreachable, or missing): their rows wait, the other topics' go
        java.util.Map<String, String> unreachable = new java.util.HashMap<>();
        // the producer itself failed for good: nothing more goes to it, the rest of the batch keeps its state
        Throwable fatal = null;
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        // an aggregate's next event goes to the producer only once its previous one was acknowledged: Kafka may
        // refuse a record in its acknowledgement (the broker's size limit) and still take the records after it
        for (List<Claimed> wave : waves(batch)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(wave.size());
            List<Claimed> attempted = new ArrayList<>(wave.size());
            for (Claimed row : wave) {
                if (fatal != null || unreachable.containsKey(row.topic()) || stopped.contains(row.aggregate())
                        || Thread.currentThread().isInterrupted()) {
                    deferred.add(row);
                    continue;
                }
                Future<RecordMetadata> ack;
                try {
                    ack = producer.send(record(row));
                } catch (RuntimeException e) {
                    ack = failed(e); // some refusals are thrown rather than returned
                }
                acks.add(ack);
                attempted.add(row);
                Throwable refused = ack.isDone() ? failureOf(ack) : null;
                if (refused != null && !PermanentPublishFailure.isPermanent(refused) && FatalProducerFailure.isFatal(refused)) {
                    fatal = refused;
                } else if (refused != null && !PermanentPublishFailure.isPermanent(refused)) {
                    unreachable.put(row.topic(), describe(refused)); // no metadata: every further send to it would wait as long
                }
            }
            for (int i = 0; i < acks.size(); i++) {
                Claimed row = attempted.get(i);
                try {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    sent.add(row.id());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    if (PermanentPublishFailure.isPermanent(cause)) {
                        refusedRows.add(row);
                        refusals.add(describe(cause));
                        stopped.add(row.aggregate());
                    } else if (FatalProducerFailure.isFatal(cause)) {
                        deferred.add(row);
                        fatal = fatal == null ? cause : fatal;
                    } else {
                        deferred.add(row);
                        unreachable.putIfAbsent(row.topic(), describe(cause));
                    }
                } catch (TimeoutException e) {
                    deferred.add(row);
                    unreachable.putIfAbsent(row.topic(), "no acknowledgement within " + settings.sendTimeout());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    deferred.add(row);
                }
            }
        }
        update(c, MARK_SENT, sent);
        markRefused(c, refusedRows, refusals);
        markDeferred(c, deferred, unreachable);
        // Kafka as a whole is out only when it took nothing: a topic it lacks must not hold back the others
        boolean outage = !unreachable.isEmpty() && sent.isEmpty() && refusedRows.isEmpty() || Thread.currentThread().isInterrupted()
                || fatal != null;
        if (fatal != null) {
            // its rows keep their state (due, uncharged); the loop backs off as for an outage, then a new producer sends them
            lastPassMetOutage = true;
            producerFailed(producer, fatal);
        }
        if (!unreachable.isEmpty()) {
            lastPassMetOutage |= outage;
            LOG.warning(() -> deferred.size() + " outbox row(s) of partitions " + locked + " wait for Kafka (no attempt charged): "
                    + unreachable);
        }
        if (!refusedRows.isEmpty()) {
            LOG.warning(() -> refusedRows.size() + " outbox row(s) refused by Kafka (attempt charged): " + refusals.get(0));
        }
        return new BatchResult(sent.size(), refusedRows.size() + deferred.size(), false, claim.drained() && deferred.isEmpty(), outage);
    }

    /** The batch in waves, each holding at most one event per aggregate, in the batch's order. */
    private static List<List<Claimed>> waves(List<Claimed> batch) {
        List<List<Claimed>> waves = new ArrayList<>();
        java.util.Map<String, Integer> next = new java.util.HashMap<>();
        for (Claimed row : batch) {
            int wave = next.merge(row.aggregate(), 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(row);
        }
        return waves;
    }

    private static Future<RecordMetadata> failed(RuntimeException e) {
        java.util.concurrent.CompletableFuture<RecordMetadata> f = new java.util.concurrent.CompletableFuture<>();
        f.completeExceptionally(e);
        return f;
    }

    /** The failure of a completed send, or null when it succeeded. */
    private static Throwable failureOf(Future<RecordMetadata> ack) {
        try {
            ack.get(0, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** One attempt charged to each refused row, with its own backoff; the last attempt makes it FAILED. */
    private void markRefused(Connection c, List<Claimed> rows, List<String> errors) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(MARK_FAILED_ATTEMPT)) {
            for (int i = 0; i < rows.size(); i++) {
                String error = errors.get(i);
                ps.setString(1, error.length() > 2000 ? error.substring(0, 2000) : error);
                ps.setLong(2, settings.backoffAfter(rows.get(i).attempts() + 1).toMillis());
                ps.setInt(3, settings.maxAttempts());
                ps.setLong(4, rows.get(i).id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Rows of a topic Kafka could not take wait out the longest outage backoff (uncharged), so that however
     * many of them are due, the claim reaches the other topics' rows; rows held back behind a refused event
     * of their aggregate, or by an interrupt, keep their state.
     */
    private void markDeferred(Connection c, List<Claimed> rows, java.util.Map<String, String> unreachable) throws SQLException {
        if (unreachable.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(MARK_DEFERRED)) {
            for (Claimed row : rows) {
                String reason = unreachable.get(row.topic());
                if (reason == null) {
                    continue;
                }
                ps.setString(1, "waiting for Kafka: " + (reason.length() > 1900 ? reason.substring(0, 1900) : reason));
                ps.setLong(2, settings.maxOutageBackoff().toMillis());
                ps.setLong(3, row.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Due rows of the locked partitions, oldest first, none behind a blocked event of its aggregate. */
    private Claim claim(Connection c, List<Integer> partitions) throws SQLException {
        List<Claimed> rows = new ArrayList<>();
        long claimed = 0;
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setArray(1, c.createArrayOf("smallint", partitions.toArray()));
            ps.setInt(2, settings.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed = rs.getLong(10);
                    rows.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        // drained when the claim took fewer rows than a batch, or none could go (each is behind a row another transaction holds)
        return new Claim(rows, rows.isEmpty() || claimed < settings.batchSize());
    }

    /** The rows claimed, and whether the query saw all due rows of the partitions (fewer than a batch). */
    private record Claim(List<Claimed> rows, boolean drained) {}

    private void update(Connection c, String sql, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    private static ProducerRecord<String, byte[]> record(Claimed row) {
        var record = new ProducerRecord<>(row.topic(), row.aggregateId(), row.envelope().getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("eventId", row.eventId().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("eventType", row.eventType().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("tenantId", row.tenantId().getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private record Claimed(long id, String aggregateId, String topic, String envelope, int attempts, String eventId, String eventType,
            String tenantId, String aggregateType) {

        /** The aggregate's identity: its events keep their order. */
        String aggregate() {
            return tenantId + "\u0000" + aggregateType + "\u0000" + aggregateId;
        }
    }

    /**
     * Operators: a FAILED row goes back to PENDING with a fresh attempt budget. Only a FAILED row is touched
     * (a conditional update, no lock on any other row): it is its aggregate's oldest unsent event, since it
     * held back every later one, so releasing it keeps the aggregate's order.
     */
    public static boolean redrive(Connection c, java.util.UUID eventId) throws SQLException {
        return redrive(c, eventId, null);
    }

    /** {@link #redrive(Connection, java.util.UUID)} restricted to one tenant's events (null: any tenant). */
    public static boolean redrive(Connection c, java.util.UUID eventId, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET status = 'PENDING', attempts = 0,"
                + " next_attempt_at = now() WHERE event_id = ? AND status = 'FAILED' AND (?::text IS NULL OR tenant_id = ?)")) {
            ps.setObject(1, eventId);
            ps.setString(2, tenantId);
            ps.setString(3, tenantId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Operators: a FAILED row is given up for good (SKIPPED, never published), which releases its aggregate's
     * later events. For an event no consumer must ever see, or one replaced by a later correction.
     */
    public static boolean skip(Connection c, java.util.UUID eventId, String tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET status = 'SKIPPED'"
                + " WHERE event_id = ? AND status = 'FAILED' AND (?::text IS NULL OR tenant_id = ?)")) {
            ps.setObject(1, eventId);
            ps.setString(2, tenantId);
            ps.setString(3, tenantId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Sent rows older than the retention go, a bounded batch per call. @return rows deleted */
    public static int deleteSentBefore(Connection c, Timestamp before, int batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event"
                + " WHERE status = 'SENT' AND sent_at < ? ORDER BY sent_at LIMIT ?)")) {
            ps.setTimestamp(1, before);
            ps.setInt(2, batch);
            return ps.executeUpdate();
        }
    }
}
