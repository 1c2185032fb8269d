package dev.cpq.messaging.inbox;

import dev.cpq.messaging.event.EventEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One consumer's events that failed for good ({@code parked_event}): undecodable ones, and those whose
 * handler kept failing. A parked event is recorded in the consumer's transaction (the consumer then moves
 * on) with its raw bytes, so an operator can re-drive it once the cause is fixed.
 */
final class ParkingLot {

    private static final Logger LOG = Logger.getLogger(ParkingLot.class.getName());

    private final String consumer;
    private final DataSource dataSource;

    ParkingLot(String consumer, DataSource dataSource) {
        this.consumer = consumer;
        this.dataSource = dataSource;
    }

    /** @param event null when the record was not an event envelope */
    void park(Connection c, ConsumerRecord<String, byte[]> record, String raw, EventEnvelope event, String error, int attempts)
            throws SQLException {
        LOG.warning(() -> consumer + ": parking " + record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + error);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO parked_event (consumer, event_id, tenant_id, topic,"
                + " kafka_partition, kafka_offset, raw, error, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING")) {
            ps.setString(1, consumer);
            ps.setObject(2, event == null ? null : event.eventId());
            ps.setString(3, event == null ? null : event.tenantId());
            ps.setString(4, record.topic());
            ps.setInt(5, record.partition());
            ps.setLong(6, record.offset());
            ps.setString(7, raw);
            ps.setString(8, error.length() > 4000 ? error.substring(0, 4000) : error);
            ps.setInt(9, attempts);
            ps.executeUpdate();
        }
    }

    /** The raw event of a parked row still waiting for an operator; empty when there is none. */
    Optional<String> waiting(long parkedId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT raw FROM parked_event WHERE id = ? AND consumer = ? AND status = 'PARKED'")) {
            ps.setLong(1, parkedId);
            ps.setString(2, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void markRedriven(long parkedId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE parked_event SET status = 'REDRIVEN', redriven_at = now() WHERE id = ?")) {
            ps.setLong(1, parkedId);
            ps.executeUpdate();
        }
    }

    /** Counts by status, of one tenant's parked events (null: all, undecodable ones included). */
    Map<String, Long> counts(String tenantId) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT status, count(*) FROM parked_event WHERE consumer = ? AND (?::text IS NULL OR tenant_id = ?) GROUP BY status")) {
            ps.setString(1, consumer);
            ps.setString(2, tenantId);
            ps.setString(3, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }
}
