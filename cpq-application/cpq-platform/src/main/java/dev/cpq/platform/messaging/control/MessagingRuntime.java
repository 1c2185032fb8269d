package dev.cpq.platform.messaging.control;

import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.inbox.ConsumerSettings;
import dev.cpq.messaging.inbox.InboxConsumer;
import dev.cpq.messaging.relay.KafkaClients;
import dev.cpq.messaging.relay.OutboxRelay;
import dev.cpq.messaging.relay.OutboxRelayLoop;
import dev.cpq.messaging.relay.RelaySettings;
import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.config.entity.ServiceIdentity;
import dev.cpq.platform.messaging.entity.ConsumerDefinition;
import dev.cpq.platform.messaging.entity.EventConsumers;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.apache.kafka.clients.producer.KafkaProducer;

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
    KafkaProducer<String, byte[]> producer;

    @Inject
    EnvelopeCodec codec;

    @Inject
    EventConsumers consumers;

    @Inject
    MeterRegistry registry;

    private OutboxRelayLoop relay;
    private final List<InboxConsumer> running = new ArrayList<>();
    private final List<Thread> started = new ArrayList<>();

    @PostConstruct
    void start() {
        RelaySettings settings = RelaySettings.defaults();
        relay = new OutboxRelayLoop(new OutboxRelay(dataSource, producer, settings, Clock.systemUTC()), dataSource, identity.schema(), settings);
        startThread("cpq-relay-" + identity.name(), relay);
        for (ConsumerDefinition definition : consumers.consumers()) {
            String group = identity.name() + "." + definition.name();
            InboxConsumer consumer = new InboxConsumer(definition.name(), dataSource,
                    KafkaClients.inboxConsumer(configuration.kafkaBootstrapServers(), group, Map.of()), definition.topics(),
                    definition.handler(), ConsumerSettings.defaults(), codec, registry);
            running.add(consumer);
            startThread("cpq-consumer-" + group, consumer);
        }
        LOG.info(() -> identity.name() + ": outbox relay and " + running.size() + " consumer(s) started");
    }

    private void startThread(String name, Runnable loop) {
        Thread thread = threads.newThread(loop);
        thread.setName(name);
        thread.setDaemon(true);
        thread.start();
        started.add(thread);
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

    public OutboxStatus status() throws SQLException {
        long pending;
        long failed;
        double oldest;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'FAILED'),"
                        + " coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'PENDING')), 0)"
                        + " FROM outbox_event WHERE status <> 'SENT'")) {
            rs.next();
            pending = rs.getLong(1);
            failed = rs.getLong(2);
            oldest = rs.getDouble(3);
        }
        Map<String, Long> lag = new LinkedHashMap<>();
        Map<String, Long> parked = new LinkedHashMap<>();
        Map<String, Map<String, Long>> offsets = new LinkedHashMap<>();
        for (InboxConsumer consumer : running) {
            Map<String, Long> byPartition = new java.util.TreeMap<>();
            consumer.offsets().forEach((partition, offset) -> byPartition.put(partition.toString(), offset));
            offsets.put(consumer.name(), byPartition);
            lag.put(consumer.name(), consumer.lag().values().stream().mapToLong(Long::longValue).sum());
            parked.put(consumer.name(), consumer.parkedCounts().entrySet().stream()
                    .filter(e -> "PARKED".equals(e.getKey())).mapToLong(Entry::getValue).sum());
        }
        return new OutboxStatus(pending, failed, oldest, relay.published(), lag, parked, offsets);
    }
}
