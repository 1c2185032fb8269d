package dev.cpq.platform.messaging.control;

import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/** cpq-messaging wired for a service: the outbox writer and the envelope codec (the relay builds its own producers: see MessagingRuntime). */
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
}
