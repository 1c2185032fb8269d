package dev.cpq.messaging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cpq.messaging.event.DomainEvent;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.inbox.ConsumerSettings;
import dev.cpq.messaging.inbox.EventHandler;
import dev.cpq.messaging.inbox.InboxConsumer;
import dev.cpq.messaging.outbox.MessagingSchema;
import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.messaging.relay.KafkaClients;
import dev.cpq.messaging.relay.OutboxRelay;
import dev.cpq.messaging.relay.RelaySettings;
import dev.cpq.testing.RealServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A scratch schema with the messaging tables and a small quote projection, a topic of its own, and
 * the real PostgreSQL and Kafka of deploy/cpq services.
 */
public final class MessagingFixture implements AutoCloseable {

    public final String schema = "msg_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    /** A unique aggregate type per fixture, hence a topic of its own. */
    public final String aggregateType = "ItQuote" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    public final String topic = EnvelopeCodec.topicOf(aggregateType);
    public final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    public final EnvelopeCodec codec = new EnvelopeCodec();
    public final Outbox outbox;
    public final String bootstrap = RealServices.kafka().bootstrapServers();
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public MessagingFixture() throws Exception {
        RealServices.Postgres pg = RealServices.postgres();
        dataSource.setUrl(pg.url());
        dataSource.setUser(pg.user());
        dataSource.setPassword(pg.password());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        dataSource.setCurrentSchema(schema);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // a service's own table exists before the messaging template runs, as in a real service
            s.execute("CREATE TABLE quote_projection (tenant_id text, quote_id text, status text, version bigint,"
                    + " applied_count int NOT NULL DEFAULT 1, PRIMARY KEY (tenant_id, quote_id))");
        }
        MessagingSchema.migrate(dataSource, schema);
        outbox = new Outbox(dataSource, codec, Clock.systemUTC());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    /** A quote status change of one aggregate version. */
    public record QuoteChanged(String tenantId, String aggregateType, String aggregateId, long aggregateVersion, String status)
            implements DomainEvent {

        @Override
        public String eventType() {
            return "QuoteChanged";
        }

        @Override
        public int schemaVersion() {
            return 1;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode payload() {
            return JsonNodeFactory.instance.objectNode().put("status", status).put("quoteId", aggregateId);
        }
    }

    public QuoteChanged event(String quoteId, long version, String status) {
        return new QuoteChanged("t1", aggregateType, quoteId, version, status);
    }

    /** Commits {@code events} in one transaction each, as services do. */
    public void commit(QuoteChanged... events) throws SQLException {
        for (QuoteChanged e : events) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                outbox.record(c, e, "trace-" + e.aggregateVersion());
                c.commit();
            }
        }
    }

    public KafkaProducer<String, byte[]> producer() {
        var p = KafkaClients.relayProducer(bootstrap, "relay-" + schema);
        closeables.add(p);
        return p;
    }

    public OutboxRelay relay(RelaySettings settings) {
        return new OutboxRelay(dataSource, this::producer, settings, Clock.systemUTC());
    }

    /** Starts a consumer loop on a thread of its own; it is stopped when the fixture closes. */
    public InboxConsumer startConsumer(String name, EventHandler handler) {
        return startConsumer(name, handler, Map.of());
    }

    /** A consumer with Kafka client settings of the test's own (a short poll interval, short API timeouts). */
    public InboxConsumer startConsumer(String name, EventHandler handler, Map<String, Object> kafkaOverrides) {
        var consumer = new InboxConsumer(name, dataSource,
                () -> KafkaClients.inboxConsumer(bootstrap, name + "-" + schema, kafkaOverrides), List.of(topic), handler,
                new ConsumerSettings(3, Duration.ofMillis(50), Duration.ofMillis(200), ConsumerSettings::isTransient)
                        .withStalledAfter(Duration.ofSeconds(1)), codec, registry);
        threads.submit(consumer);
        closeables.add(consumer::stop);
        return consumer;
    }

    public long scalar(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits for a condition the system under test must reach; bounded, never a fixed sleep. */
    public static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + limit + ": " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public long scalarUnchecked(String sql) {
        try {
            return scalar(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        threads.shutdown();
        threads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }
}
