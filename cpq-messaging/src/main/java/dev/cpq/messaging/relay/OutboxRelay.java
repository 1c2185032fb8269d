package dev.cpq.messaging.relay;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Kafka acknowledged it, in one transaction. Failed sends are retried with exponential backoff; after
 * the last attempt the row is FAILED and waits for an operator.
 */
public final class OutboxRelay {

    public static final int PARTITIONS = 16;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    // the first free partitions in the given order, at most ?; LIMIT stops the evaluation (and the locking) early
    private static final String LOCK = "SELECT p FROM unnest(?::int[]) AS t(p)"
            + " WHERE pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'), p) LIMIT ?";
    // the oldest pending rows of the held partitions, through the partial index on pending ids
    private static final String CLAIM = "SELECT id, aggregate_id, topic, envelope, attempts, next_attempt_at, event_id, event_type,"
            + " tenant_id, partition_no FROM outbox_event WHERE status = 'PENDING' AND partition_no = ANY(?) ORDER BY id LIMIT ?"
            + " FOR UPDATE SKIP LOCKED";
    /** Partitions one batch takes at most: two relays starting at different partitions share the work. */
    static final int PARTITIONS_PER_BATCH = PARTITIONS / 2;
    private static final String MARK_SENT = "UPDATE outbox_event SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = ANY(?)";
    private static final String MARK_FAILED_ATTEMPT = "UPDATE outbox_event SET attempts = attempts + 1, last_error = ?,"
            + " next_attempt_at = now() + (? * interval '1 millisecond'),"
            + " status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END WHERE id = ANY(?)";

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final RelaySettings settings;
    private final Clock clock;

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, RelaySettings settings, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
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
                if (batch.failed() > 0) {
                    return sent; // Kafka is refusing: another round would only wait for the same timeout
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
     * it saw every row then due in the partitions it held (fewer than a batch).
     */
    public record BatchResult(int sent, int failed, boolean partitionTaken, boolean drained) {

        static final BatchResult TAKEN = new BatchResult(0, 0, true, true);
        static final BatchResult NOTHING_DUE = new BatchResult(0, 0, false, true);
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
            return claim.drained() ? BatchResult.NOTHING_DUE : new BatchResult(0, 0, false, false);
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (Claimed row : batch) {
            Future<RecordMetadata> ack = producer.send(record(row));
            acks.add(ack);
            if (ack.isDone() && failedAlready(ack)) {
                break; // no broker metadata: every further send would wait just as long
            }
        }
        List<Long> sent = new ArrayList<>(batch.size());
        List<Long> failed = new ArrayList<>();
        String error = null;
        for (int i = acks.size(); i < batch.size(); i++) {
            failed.add(batch.get(i).id());
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(batch.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                failed.add(batch.get(i).id());
                error = error != null ? error : describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(batch.get(i).id());
                error = "relay interrupted";
            }
        }
        update(c, MARK_SENT, sent, null, 0);
        if (!failed.isEmpty()) {
            int attempt = batch.get(0).attempts() + 1;
            update(c, MARK_FAILED_ATTEMPT, failed, error, settings.backoffAfter(attempt).toMillis());
            String reason = error;
            LOG.warning(() -> failed.size() + " outbox row(s) of partitions " + locked + " not acknowledged by Kafka: " + reason);
        }
        return new BatchResult(sent.size(), failed.size(), false, claim.drained());
    }

    private static boolean failedAlready(Future<RecordMetadata> ack) {
        try {
            ack.get(0, TimeUnit.MILLISECONDS);
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Due rows of the locked partitions, oldest first; within a partition only up to its first row that
     * is still backing off, so no event overtakes an earlier one of the same aggregate.
     */
    private Claim claim(Connection c, List<Integer> partitions) throws SQLException {
        List<Claimed> rows = new ArrayList<>();
        int seen = 0;
        Instant now = clock.instant();
        boolean[] blocked = new boolean[PARTITIONS];
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setArray(1, c.createArrayOf("smallint", partitions.toArray()));
            ps.setInt(2, settings.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen++;
                    int partition = rs.getInt(10);
                    if (blocked[partition] || rs.getTimestamp(6).toInstant().isAfter(now)) {
                        blocked[partition] = true;
                        continue;
                    }
                    rows.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        return new Claim(rows, seen < settings.batchSize());
    }

    /** The rows claimed, and whether the query saw all due rows of the partitions (fewer than a batch). */
    private record Claim(List<Claimed> rows, boolean drained) {}

    private void update(Connection c, String sql, List<Long> ids, String error, long backoffMillis) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            if (error == null) {
                ps.setArray(1, array);
            } else {
                ps.setString(1, error.length() > 2000 ? error.substring(0, 2000) : error);
                ps.setLong(2, backoffMillis);
                ps.setInt(3, settings.maxAttempts());
                ps.setArray(4, array);
            }
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

    private static String describe(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private record Claimed(long id, String aggregateId, String topic, String envelope, int attempts, String eventId, String eventType,
            String tenantId) {}

    /** Operators: a FAILED row goes back to PENDING with a fresh attempt budget. */
    public static boolean redrive(Connection c, java.util.UUID eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET status = 'PENDING', attempts = 0,"
                + " next_attempt_at = now() WHERE event_id = ? AND status = 'FAILED'")) {
            ps.setObject(1, eventId);
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
