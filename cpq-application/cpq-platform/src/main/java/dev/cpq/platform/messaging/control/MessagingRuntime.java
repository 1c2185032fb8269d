package dev.cpq.platform.messaging.control;

import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.inbox.ConsumerHealth;
import dev.cpq.messaging.inbox.ConsumerSettings;
import dev.cpq.messaging.inbox.InboxConsumer;
import dev.cpq.messaging.relay.KafkaClients;
import dev.cpq.messaging.relay.OutboxRelay;
import dev.cpq.messaging.relay.OutboxRelayLoop;
import dev.cpq.messaging.relay.RelaySettings;
import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.config.entity.ServiceIdentity;
import dev.cpq.platform.messaging.entity.ConsumerDefinition;
import dev.cpq.platform.messaging.entity.ConsumerState;
import dev.cpq.platform.messaging.entity.EventConsumers;
import dev.cpq.platform.messaging.entity.FailedOutboxEvent;
import dev.cpq.platform.messaging.entity.OutboxStatus;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs a service's event path inside GlassFish: one outbox relay loop and the service's consumers, each
 * on a thread of the container's managed thread factory, started once the schema is migrated and
 * stopped (and joined) on undeploy, so no thread outlives the application. Several instances of a
 * service may run: relays share the outbox by partition locks, consumers share partitions by group.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrationOnStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class MessagingRuntime {

    private static final Logger LOG = Logger.getLogger(MessagingRuntime.class.getName());
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    DataSource dataSource;

    @Inject
    ServiceIdentity identity;

    @Inject
    ServiceConfiguration configuration;

    @Inject
    EnvelopeCodec codec;

    @Inject
    EventConsumers consumers;

    @Inject
    MeterRegistry registry;

    private OutboxRelayLoop relay;
    private final List<InboxConsumer> running = new ArrayList<>();
    private final List<Thread> started = new ArrayList<>();
    private final Map<InboxConsumer, Thread> consumerThreads = new java.util.HashMap<>();

    @PostConstruct
    void start() {
        RelaySettings settings = RelaySettings.defaults();
        String relayClient = identity.name() + "-relay";
        // a factory, not a producer: the relay builds a new one whenever one fails for good (fenced, closed)
        relay = new OutboxRelayLoop(new OutboxRelay(dataSource,
                () -> KafkaClients.relayProducer(configuration.kafkaBootstrapServers(), relayClient), settings, Clock.systemUTC()),
                dataSource, identity.schema(), settings);
        startThread("cpq-relay-" + identity.name(), relay);
        for (ConsumerDefinition definition : consumers.consumers()) {
            String group = identity.name() + "." + definition.name();
            String bootstrap = configuration.kafkaBootstrapServers();
            // a factory, not a client: the consumer's supervisor builds a new client whenever one fails
            InboxConsumer consumer = new InboxConsumer(definition.name(), dataSource,
                    () -> KafkaClients.inboxConsumer(bootstrap, group, Map.of()), definition.topics(),
                    definition.handler(), ConsumerSettings.defaults(), codec, registry);
            running.add(consumer);
            consumerThreads.put(consumer, startThread("cpq-consumer-" + group, consumer));
        }
        LOG.info(() -> identity.name() + ": outbox relay and " + running.size() + " consumer(s) started");
    }

    private Thread startThread(String name, Runnable loop) {
        Thread thread = threads.newThread(loop);
        thread.setName(name);
        thread.setDaemon(true);
        thread.start();
        started.add(thread);
        return thread;
    }

    /**
     * Each consumer as its supervisor sees it; a consumer whose thread is gone (which the supervisor should
     * make impossible) is reported STOPPED with that reason, so {@code /health} shows it.
     */
    public List<ConsumerHealth> consumerHealth() {
        List<ConsumerHealth> all = new ArrayList<>();
        for (InboxConsumer consumer : running) {
            ConsumerHealth health = consumer.health();
            Thread thread = consumerThreads.get(consumer);
            if (thread != null && !thread.isAlive()) {
                health = new ConsumerHealth(health.name(), ConsumerHealth.State.STOPPED, false, health.restarts(),
                        "consumer thread ended" + (health.lastFailure() == null ? "" : " after " + health.lastFailure()),
                        health.sinceProgress());
            }
            all.add(health);
        }
        return all;
    }

    @PreDestroy
    void stop() {
        relay.stop();
        running.forEach(InboxConsumer::stop);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        for (Thread thread : started) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warning(() -> thread.getName() + " did not stop within " + STOP_WAIT);
            }
        }
        LOG.info(() -> identity.name() + ": outbox relay and consumers stopped");
    }

    /** Sent rows older than the retention go, in bounded batches; a non-persistent timer. */
    @Schedule(minute = "*/15", hour = "*", persistent = false)
    void deleteSentRows() {
        try (Connection c = dataSource.getConnection()) {
            Timestamp before = Timestamp.from(Instant.now().minus(RETENTION));
            int deleted;
            do {
                deleted = OutboxRelay.deleteSentBefore(c, before, 5_000);
            } while (deleted == 5_000);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not clean up sent outbox rows; the next run will", e);
        }
    }

    /** The event path as the operator of {@code tenantId} may see it: that tenant's rows, the process's progress. */
    public OutboxStatus status(String tenantId) throws SQLException {
        long pending;
        long failed;
        long blocked;
        double oldest;
        List<FailedOutboxEvent> failedEvents = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE status = 'PENDING'),"
                    + " count(*) FILTER (WHERE status = 'FAILED'),"
                    + " count(*) FILTER (WHERE status = 'PENDING' AND EXISTS (SELECT 1 FROM outbox_event f WHERE f.status = 'FAILED'"
                    + " AND f.aggregate_id = o.aggregate_id AND f.aggregate_type = o.aggregate_type AND f.tenant_id = o.tenant_id"
                    + " AND f.id < o.id)),"
                    + " coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'PENDING')), 0)"
                    + " FROM outbox_event o WHERE status IN ('PENDING', 'FAILED') AND tenant_id = ?")) {
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    pending = rs.getLong(1);
                    failed = rs.getLong(2);
                    blocked = rs.getLong(3);
                    oldest = rs.getDouble(4);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id, aggregate_type, aggregate_id, aggregate_version, event_type,"
                    + " attempts, last_error, created_at, (SELECT count(*) FROM outbox_event b WHERE b.status = 'PENDING'"
                    + " AND b.aggregate_id = f.aggregate_id AND b.aggregate_type = f.aggregate_type AND b.tenant_id = f.tenant_id"
                    + " AND b.id > f.id) FROM outbox_event f WHERE status = 'FAILED' AND tenant_id = ? ORDER BY id LIMIT 100")) {
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        failedEvents.add(new FailedOutboxEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getLong(9)));
                    }
                }
            }
        }
        Map<String, Long> lag = new LinkedHashMap<>();
        Map<String, Long> parked = new LinkedHashMap<>();
        Map<String, Map<String, Long>> offsets = new LinkedHashMap<>();
        for (InboxConsumer consumer : running) {
            Map<String, Long> byPartition = new java.util.TreeMap<>();
            consumer.offsets().forEach((partition, offset) -> byPartition.put(partition.toString(), offset));
            offsets.put(consumer.name(), byPartition);
            lag.put(consumer.name(), consumer.lag().values().stream().mapToLong(Long::longValue).sum());
            parked.put(consumer.name(), consumer.parkedCounts(tenantId).entrySet().stream()
                    .filter(e -> "PARKED".equals(e.getKey())).mapToLong(Entry::getValue).sum());
        }
        Map<String, ConsumerState> consumerStates = new LinkedHashMap<>();
        consumerHealth().forEach(h -> consumerStates.put(h.name(), ConsumerState.of(h)));
        return new OutboxStatus(pending, failed, blocked, oldest, relay.published(), lag, parked, offsets, failedEvents, consumerStates);
    }
}
