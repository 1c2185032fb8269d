package dev.cpq.platform.messaging.control;

import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.messaging.relay.KafkaClients;
import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.config.entity.ServiceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;

/** cpq-messaging wired for a service: the outbox writer, the envelope codec, the relay's producer. */
@ApplicationScoped
public class MessagingComponents {

    @Produces
    @Singleton
    EnvelopeCodec codec() {
        return new EnvelopeCodec();
    }

    /** Writes on the connection of the current JTA transaction (the container shares it with JPA). */
    @Produces
    @Singleton
    Outbox outbox(DataSource dataSource, EnvelopeCodec codec) {
        return new Outbox(dataSource, codec, Clock.systemUTC());
    }

    @Produces
    @Singleton
    KafkaProducer<String, byte[]> relayProducer(ServiceConfiguration configuration, ServiceIdentity identity) {
        return KafkaClients.relayProducer(configuration.kafkaBootstrapServers(), identity.name() + "-relay");
    }

    void close(@Disposes KafkaProducer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }
}
