package dev.cpq.messaging.outbox;

import dev.cpq.messaging.event.DomainEvent;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.event.EventEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Records events in the service's outbox table inside the caller's transaction: the event exists if and
 * only if the business change committed. In GlassFish the container DataSource hands out the connection
 * enlisted in the current JTA transaction; in plain JDBC the caller passes its own connection.
 */
public final class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, tenant_id, aggregate_type, aggregate_id,"
            + " aggregate_version, event_type, schema_version, occurred_at, topic, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final EnvelopeCodec codec;
    private final Clock clock;

    public Outbox(DataSource dataSource, EnvelopeCodec codec, Clock clock) {
        this.dataSource = dataSource;
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records {@code event} on a connection of the current (container) transaction. */
    public EventEnvelope record(DomainEvent event, String traceId) {
        Objects.requireNonNull(dataSource, "this outbox has no DataSource: pass a connection");
        try (Connection c = dataSource.getConnection()) {
            return record(c, event, traceId);
        } catch (SQLException e) {
            throw new OutboxException("could not record " + event.eventType() + " of " + event.aggregateId(), e);
        }
    }

    /** Records {@code event} on the caller's connection, in the caller's transaction. */
    public EventEnvelope record(Connection c, DomainEvent event, String traceId) {
        return record(c, EnvelopeCodec.envelope(event, clock, traceId));
    }

    public EventEnvelope record(Connection c, EventEnvelope envelope) {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, envelope.eventId());
            ps.setString(2, envelope.tenantId());
            ps.setString(3, envelope.aggregateType());
            ps.setString(4, envelope.aggregateId());
            ps.setLong(5, envelope.aggregateVersion());
            ps.setString(6, envelope.eventType());
            ps.setInt(7, envelope.schemaVersion());
            ps.setTimestamp(8, Timestamp.from(envelope.occurredAt()));
            ps.setString(9, EnvelopeCodec.topicOf(envelope.aggregateType()));
            ps.setString(10, codec.encode(envelope));
            ps.executeUpdate();
            return envelope;
        } catch (SQLException e) {
            throw new OutboxException("could not record " + envelope.eventType() + " of " + envelope.aggregateId(), e);
        }
    }
}
