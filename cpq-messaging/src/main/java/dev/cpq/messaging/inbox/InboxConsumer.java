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
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
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
 * retried until they pass.
 */
public final class InboxConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class.getName());

    private final String name;
    private final DataSource dataSource;
    private final Consumer<String, byte[]> kafka;
    private final List<String> topics;
    private final EventHandler handler;
    private final ConsumerSettings settings;
    private final EnvelopeCodec codec;
    private final Map<ConsumeOutcome, Counter> outcomes = new EnumMap<>(ConsumeOutcome.class);
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public InboxConsumer(String name, DataSource dataSource, Consumer<String, byte[]> kafka, List<String> topics, EventHandler handler,
            ConsumerSettings settings, EnvelopeCodec codec, MeterRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.topics = List.copyOf(topics);
        this.handler = Objects.requireNonNull(handler, "handler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(codec, "codec");
        for (ConsumeOutcome o : ConsumeOutcome.values()) {
            outcomes.put(o, Counter.builder("cpq.messaging.consumed").tag("consumer", name).tag("outcome", o.name().toLowerCase())
                    .register(registry));
        }
    }

    @Override
    public void run() {
        try {
            kafka.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(lag::remove);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // positions come from the committed offsets
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
                for (TopicPartition partition : records.partitions()) {
                    long next = -1;
                    for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (!running) {
                            break;
                        }
                        process(record);
                        next = record.offset() + 1;
                    }
                    if (next >= 0) {
                        // after the database commit: a crash before this line means redelivery, absorbed by the inbox
                        kafka.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
                    }
                }
                for (TopicPartition p : kafka.assignment()) {
                    OptionalLong l = kafka.currentLag(p);
                    if (l.isPresent()) {
                        lag.put(p, l.getAsLong());
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            kafka.close(Duration.ofSeconds(5));
        }
    }

    /** Ends the loop; safe to call from any thread. */
    public void stop() {
        running = false;
        kafka.wakeup();
    }

    public String name() {
        return name;
    }

    /** Records not yet consumed per assigned partition, as of the last poll. */
    public Map<TopicPartition, Long> lag() {
        return Map.copyOf(lag);
    }

    public double count(ConsumeOutcome outcome) {
        return outcomes.get(outcome).count();
    }

    void process(ConsumerRecord<String, byte[]> record) {
        String raw = new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8);
        EventEnvelope event;
        try {
            event = codec.decode(raw);
        } catch (UndecodableEventException e) {
            park(record, raw, null, e.getMessage(), 1);
            return;
        }
        for (int attempt = 1; running; attempt++) {
            try {
                outcomes.get(applyOnce(event)).increment();
                return;
            } catch (Exception e) {
                if (settings.transientFailure().test(e)) {
                    LOG.log(Level.FINE, name + ": transient failure on " + event.eventId() + ", retrying", e);
                    attempt = 0;
                } else if (attempt >= settings.maxAttempts()) {
                    park(record, raw, event, e.toString(), attempt);
                    return;
                }
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

    private ConsumeOutcome apply(Connection c, EventEnvelope event) throws Exception {
        try (PreparedStatement inbox = c.prepareStatement("INSERT INTO inbox_event (consumer, event_id, tenant_id, event_type,"
                + " aggregate_type, aggregate_id, aggregate_version, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, 'APPLIED')"
                + " ON CONFLICT (consumer, event_id) DO NOTHING")) {
            inbox.setString(1, name);
            inbox.setObject(2, event.eventId());
            inbox.setString(3, event.tenantId());
            inbox.setString(4, event.eventType());
            inbox.setString(5, event.aggregateType());
            inbox.setString(6, event.aggregateId());
            inbox.setLong(7, event.aggregateVersion());
            if (inbox.executeUpdate() == 0) {
                return ConsumeOutcome.DUPLICATE;
            }
        }
        long applied = appliedVersion(c, event);
        if (event.aggregateVersion() <= applied) {
            try (PreparedStatement stale = c.prepareStatement(
                    "UPDATE inbox_event SET outcome = 'IGNORED_STALE' WHERE consumer = ? AND event_id = ?")) {
                stale.setString(1, name);
                stale.setObject(2, event.eventId());
                stale.executeUpdate();
            }
            return ConsumeOutcome.IGNORED_STALE;
        }
        handler.apply(event, c);
        try (PreparedStatement version = c.prepareStatement("INSERT INTO inbox_aggregate_version (consumer, tenant_id, aggregate_type,"
                + " aggregate_id, version) VALUES (?, ?, ?, ?, ?) ON CONFLICT (consumer, tenant_id, aggregate_type, aggregate_id)"
                + " DO UPDATE SET version = EXCLUDED.version WHERE inbox_aggregate_version.version < EXCLUDED.version")) {
            version.setString(1, name);
            version.setString(2, event.tenantId());
            version.setString(3, event.aggregateType());
            version.setString(4, event.aggregateId());
            version.setLong(5, event.aggregateVersion());
            version.executeUpdate();
        }
        return ConsumeOutcome.APPLIED;
    }

    private long appliedVersion(Connection c, EventEnvelope event) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM inbox_aggregate_version WHERE consumer = ? AND tenant_id = ?"
                + " AND aggregate_type = ? AND aggregate_id = ? FOR UPDATE")) {
            ps.setString(1, name);
            ps.setString(2, event.tenantId());
            ps.setString(3, event.aggregateType());
            ps.setString(4, event.aggregateId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void park(ConsumerRecord<String, byte[]> record, String raw, EventEnvelope event, String error, int attempts) {
        LOG.warning(() -> name + ": parking " + record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + error);
        while (running) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO parked_event (consumer, event_id, tenant_id, topic,"
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
                outcomes.get(ConsumeOutcome.PARKED).increment();
                return;
            } catch (SQLException e) {
                // the event may not be skipped without a trace: wait for the database
                LOG.log(Level.WARNING, name + ": cannot park yet, database unavailable", e);
                pause(settings.retryBackoff());
            }
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

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
