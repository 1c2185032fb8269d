package dev.cpq.messaging.relay;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The suite's Kafka client settings in one place. */
public final class KafkaClients {

    private KafkaClients() {}

    /**
     * Idempotent, acks=all, ordered per partition (at most 5 in flight with idempotence keeps order).
     * A dead broker makes sends fail within seconds instead of blocking the relay for a minute.
     */
    public static KafkaProducer<String, byte[]> relayProducer(String bootstrapServers, String clientId) {
        return relayProducer(bootstrapServers, clientId, Map.of());
    }

    /** The relay's producer with some settings changed (an operator raising max.request.size, a test). */
    public static KafkaProducer<String, byte[]> relayProducer(String bootstrapServers, String clientId, Map<String, Object> overrides) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        p.putAll(overrides);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Manual commits (after the database transaction), from the earliest offset for a new group. */
    public static KafkaConsumer<String, byte[]> inboxConsumer(String bootstrapServers, String groupId, Map<String, Object> overrides) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        // a commit or position lookup with Kafka gone fails within 15 s (not the default minute): the
        // consumer's supervisor then rebuilds the client, and the consumer is not seen as stalled meanwhile
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        p.putAll(overrides);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
