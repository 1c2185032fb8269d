package dev.cpq.messaging.inbox;

import dev.cpq.messaging.event.EventEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one consumer has seen, in its own tables and always inside the transaction of the effect: the event
 * ids it processed ({@code inbox_event}: a redelivered or re-published event is a duplicate) and, per
 * aggregate, the newest version it applied ({@code inbox_aggregate_version}: an event not newer is stale,
 * so out-of-order delivery never moves a projection backwards).
 */
final class InboxLog {

    /** Inbox insert (dedupe) and applied-version raise (order guard) as one statement. */
    private static final String RECORD = "WITH inbox AS ("
            + " INSERT INTO inbox_event (consumer, event_id, tenant_id, event_type, aggregate_type, aggregate_id, aggregate_version, outcome)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'APPLIED') ON CONFLICT (consumer, event_id) DO NOTHING RETURNING consumer),"
            + " raised AS (INSERT INTO inbox_aggregate_version (consumer, tenant_id, aggregate_type, aggregate_id, version)"
            + " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM inbox)"
            + " ON CONFLICT (consumer, tenant_id, aggregate_type, aggregate_id) DO UPDATE SET version = EXCLUDED.version"
            + " WHERE inbox_aggregate_version.version < EXCLUDED.version RETURNING version)"
            + " SELECT EXISTS (SELECT 1 FROM inbox), EXISTS (SELECT 1 FROM raised)";

    private final String consumer;

    InboxLog(String consumer) {
        this.consumer = consumer;
    }

    /**
     * One event: recorded and, when newer than what was applied for its aggregate, its version raised, in
     * one round trip. @return APPLIED (the caller applies the effect), DUPLICATE or IGNORED_STALE
     */
    ConsumeOutcome admit(Connection c, EventEnvelope event) throws SQLException {
        boolean fresh;
        boolean newer;
        try (PreparedStatement ps = c.prepareStatement(RECORD)) {
            ps.setString(1, consumer);
            ps.setObject(2, event.eventId());
            ps.setString(3, event.tenantId());
            ps.setString(4, event.eventType());
            ps.setString(5, event.aggregateType());
            ps.setString(6, event.aggregateId());
            ps.setLong(7, event.aggregateVersion());
            ps.setString(8, consumer);
            ps.setString(9, event.tenantId());
            ps.setString(10, event.aggregateType());
            ps.setString(11, event.aggregateId());
            ps.setLong(12, event.aggregateVersion());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                fresh = rs.getBoolean(1);
                newer = rs.getBoolean(2);
            }
        }
        if (!fresh) {
            return ConsumeOutcome.DUPLICATE;
        }
        if (!newer) {
            markStale(c, List.of(event.eventId()));
            return ConsumeOutcome.IGNORED_STALE;
        }
        return ConsumeOutcome.APPLIED;
    }

    /**
     * The events of a batch that are to be applied, in order, and how each was settled.
     * @param raised the version each aggregate reaches once the events are applied
     */
    record Admission(List<EventEnvelope> toApply, Map<ConsumeOutcome, Integer> outcomes, List<UUID> stale, Map<AggregateRef, Long> raised) {}

    /**
     * A batch, set-based: one statement records every event id, one locks the applied versions of their
     * aggregates; duplicates (also within the batch) and events not newer than their aggregate's version
     * are left out. {@link #settle} records the rest once the effect is applied.
     */
    Admission admit(Connection c, List<EventEnvelope> events) throws SQLException {
        Set<UUID> fresh = recordIds(c, events);
        Map<AggregateRef, Long> applied = lockAppliedVersions(c, events);
        Set<UUID> seen = new HashSet<>();
        List<EventEnvelope> toApply = new ArrayList<>();
        Map<ConsumeOutcome, Integer> outcomes = new EnumMap<>(ConsumeOutcome.class);
        List<UUID> stale = new ArrayList<>();
        Map<AggregateRef, Long> raised = new LinkedHashMap<>();
        for (EventEnvelope e : events) {
            if (!fresh.contains(e.eventId()) || !seen.add(e.eventId())) {
                outcomes.merge(ConsumeOutcome.DUPLICATE, 1, Integer::sum);
                continue;
            }
            AggregateRef ref = AggregateRef.of(e);
            if (e.aggregateVersion() <= applied.getOrDefault(ref, 0L)) {
                stale.add(e.eventId());
                outcomes.merge(ConsumeOutcome.IGNORED_STALE, 1, Integer::sum);
                continue;
            }
            applied.put(ref, e.aggregateVersion());
            raised.put(ref, e.aggregateVersion());
            toApply.add(e);
            outcomes.merge(ConsumeOutcome.APPLIED, 1, Integer::sum);
        }
        return new Admission(toApply, outcomes, stale, raised);
    }

    /** After the effect of an admitted batch: its aggregates' versions raised, its stale events marked. */
    void settle(Connection c, Admission admission) throws SQLException {
        raiseVersions(c, admission.raised());
        markStale(c, admission.stale());
    }

    record AggregateRef(String tenant, String type, String id) {

        static AggregateRef of(EventEnvelope e) {
            return new AggregateRef(e.tenantId(), e.aggregateType(), e.aggregateId());
        }
    }

    private Set<UUID> recordIds(Connection c, List<EventEnvelope> events) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_event (consumer, event_id, tenant_id, event_type,"
                + " aggregate_type, aggregate_id, aggregate_version, outcome) SELECT ?, e, t, et, at, ai, v, 'APPLIED'"
                + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS x(e, t, et, at, ai, v)"
                + " ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("uuid", events.stream().map(EventEnvelope::eventId).toArray()));
            ps.setArray(3, c.createArrayOf("text", events.stream().map(EventEnvelope::tenantId).toArray()));
            ps.setArray(4, c.createArrayOf("text", events.stream().map(EventEnvelope::eventType).toArray()));
            ps.setArray(5, c.createArrayOf("text", events.stream().map(EventEnvelope::aggregateType).toArray()));
            ps.setArray(6, c.createArrayOf("text", events.stream().map(EventEnvelope::aggregateId).toArray()));
            ps.setArray(7, c.createArrayOf("bigint", events.stream().map(EventEnvelope::aggregateVersion).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }

    private Map<AggregateRef, Long> lockAppliedVersions(Connection c, List<EventEnvelope> events) throws SQLException {
        Set<AggregateRef> refs = new LinkedHashSet<>();
        events.forEach(e -> refs.add(AggregateRef.of(e)));
        Map<AggregateRef, Long> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.tenant_id, v.aggregate_type, v.aggregate_id, v.version"
                + " FROM inbox_aggregate_version v JOIN unnest(?::text[], ?::text[], ?::text[]) AS x(t, at, ai)"
                + " ON v.tenant_id = x.t AND v.aggregate_type = x.at AND v.aggregate_id = x.ai WHERE v.consumer = ? FOR UPDATE OF v")) {
            ps.setArray(1, c.createArrayOf("text", refs.stream().map(AggregateRef::tenant).toArray()));
            ps.setArray(2, c.createArrayOf("text", refs.stream().map(AggregateRef::type).toArray()));
            ps.setArray(3, c.createArrayOf("text", refs.stream().map(AggregateRef::id).toArray()));
            ps.setString(4, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(new AggregateRef(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                }
            }
        }
        return versions;
    }

    private void raiseVersions(Connection c, Map<AggregateRef, Long> raised) throws SQLException {
        if (raised.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox_aggregate_version (consumer, tenant_id, aggregate_type,"
                + " aggregate_id, version) SELECT ?, t, at, ai, v FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[]) AS x(t, at, ai, v)"
                + " ON CONFLICT (consumer, tenant_id, aggregate_type, aggregate_id)"
                + " DO UPDATE SET version = GREATEST(inbox_aggregate_version.version, EXCLUDED.version)")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("text", raised.keySet().stream().map(AggregateRef::tenant).toArray()));
            ps.setArray(3, c.createArrayOf("text", raised.keySet().stream().map(AggregateRef::type).toArray()));
            ps.setArray(4, c.createArrayOf("text", raised.keySet().stream().map(AggregateRef::id).toArray()));
            ps.setArray(5, c.createArrayOf("bigint", raised.values().toArray()));
            ps.executeUpdate();
        }
    }

    private void markStale(Connection c, List<UUID> stale) throws SQLException {
        if (stale.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE inbox_event SET outcome = 'IGNORED_STALE' WHERE consumer = ? AND event_id = ANY(?)")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("uuid", stale.toArray()));
            ps.executeUpdate();
        }
    }
}
