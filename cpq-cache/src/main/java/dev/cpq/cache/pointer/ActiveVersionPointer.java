package dev.cpq.cache.pointer;

import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.metrics.CacheMetrics.Event;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.policy.RedisDownMode;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.cache.redis.RedisScript;
import dev.cpq.cache.redis.RedisUnavailableException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The Redis pointer to the active version of a {@link VersionLine}
 * ({@code cpq:{tnt}:catalog:active-version -> current 42, previous 41}). It only ever moves forward:
 * an atomic script compares version sequences, so a late, replayed or out-of-order move is refused
 * (and counted). Reads go through to the authority (the owning service's database) when the pointer
 * is absent, and set it from there; other services' answers for a line serve their reads but never set
 * its pointer ({@link #notTheOwner}).
 */
public final class ActiveVersionPointer {

    private static final RedisScript MOVE = RedisScript.load("move-pointer.lua");
    private static final RedisScript CURRENT_ALL = RedisScript.load("current-pointers.lua");

    private final RedisGateway redis;
    private final CachePolicies policies;
    private final CacheMetrics metrics;
    private final Clock clock;

    public ActiveVersionPointer(RedisGateway redis, CachePolicies policies, CacheMetrics metrics, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What Redis says now; empty when the pointer was never set (or Redis lost it). */
    public OptionalLong current(VersionLine line) {
        String current = redis.execute(j -> j.hget(line.pointerKey(), "current"));
        return current == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(current));
    }

    /**
     * What Redis says now for several lines of one tenant, in one round trip (a tenant's keys share a
     * hash slot, so this holds in a cluster too).
     */
    public List<OptionalLong> current(List<VersionLine> lines) {
        if (lines.stream().map(VersionLine::tenant).distinct().count() > 1) {
            throw new IllegalArgumentException("one round trip reads the lines of one tenant: " + lines);
        }
        List<?> reply = (List<?>) redis.eval(CURRENT_ALL, lines.stream().map(VersionLine::pointerKey).toList(), List.of());
        List<OptionalLong> versions = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Object v = i < reply.size() ? reply.get(i) : null;
            versions.add(v instanceof String s ? OptionalLong.of(Long.parseLong(s)) : OptionalLong.empty());
        }
        return versions;
    }

    /** The version the pointer had before its last move (what superseded-version cleanup keeps). */
    public OptionalLong previous(VersionLine line) {
        String previous = redis.execute(j -> j.hget(line.pointerKey(), "previous"));
        return previous == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(previous));
    }

    /** Moves the pointer to {@code version} unless it already names that version or a later one. */
    public PointerMove moveTo(VersionLine line, long version) {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1: " + version);
        }
        List<?> reply = (List<?>) redis.eval(MOVE, List.of(line.pointerKey()),
                List.of(Long.toString(version), Long.toString(clock.millis())));
        PointerMove move = new PointerMove(((Long) reply.get(0)) == 1L, (Long) reply.get(1));
        if (move.moved() && move.before() == 0) {
            // a new line (or one Redis forgot along with its pointer): list it for the superseded-version
            // sweep; a separate command, as the registry lives in another slot
            redis.execute(j -> j.sadd(VersionLine.pointerRegistryKey(line.domain()), line.pointerKey()));
        }
        metrics.count(move.moved() ? Event.POINTER_MOVED : Event.POINTER_MOVE_REFUSED, line.domain(), line.tenant());
        return move;
    }

    /**
     * An answer for a line that does not come from its owner's database (another service's replica of
     * it, or the owner's API seen from outside): it serves the read that asked, but {@link #resolve} never
     * writes it to the pointer. Only the owner's database rebuilds an owner's pointer; a replica that
     * trails the owner would otherwise set the monotonic pointer to an old version that no later move of
     * an already-consumed publication corrects.
     */
    public static LongSupplier notTheOwner(LongSupplier answer) {
        return new NotTheOwnersAnswer(Objects.requireNonNull(answer, "answer"));
    }

    private record NotTheOwnersAnswer(LongSupplier answer) implements LongSupplier {
        @Override
        public long getAsLong() {
            return answer.getAsLong();
        }
    }

    /**
     * The active version for reads: the pointer when Redis has one, else the authority's answer (which
     * then sets the pointer, unless it is {@linkplain #notTheOwner not the owner's}; an answer of 0,
     * "nothing published yet", is returned and sets nothing). When Redis is unreachable the domain's
     * policy decides between asking the authority (counted) and failing fast.
     */
    public long resolve(VersionLine line, LongSupplier authority) {
        try {
            OptionalLong cached = current(line);
            if (cached.isPresent()) {
                return cached.getAsLong();
            }
        } catch (RedisUnavailableException e) {
            metrics.count(Event.REDIS_ERROR, line.domain(), line.tenant());
            if (policies.of(line.domain()).redisDownMode() == RedisDownMode.FAIL_FAST) {
                throw e;
            }
            metrics.count(Event.SOURCE_FALLBACK, line.domain(), line.tenant());
            return authority.getAsLong();
        }
        long authoritative = authority.getAsLong();
        if (authoritative < 1) {
            return authoritative; // the authority has published nothing yet: nothing to point at
        }
        if (authority instanceof NotTheOwnersAnswer) {
            return authoritative; // used for this read only: the owner's next read rebuilds the pointer
        }
        try {
            PointerMove move = moveTo(line, authoritative);
            // a concurrent move may have set a newer version meanwhile: the pointer knows best
            return move.moved() ? authoritative : Math.max(authoritative, move.before());
        } catch (RedisUnavailableException e) {
            metrics.count(Event.REDIS_ERROR, line.domain(), line.tenant());
            return authoritative;
        }
    }

    /**
     * {@link #resolve} for several lines of one tenant: the pointers in one round trip, the authority of
     * a line asked only where its pointer is absent (or Redis is unreachable, as the domain's policy says).
     */
    public long[] resolve(List<VersionLine> lines, List<LongSupplier> authorities) {
        if (lines.size() != authorities.size()) {
            throw new IllegalArgumentException("one authority per line");
        }
        List<OptionalLong> cached;
        try {
            cached = current(lines);
        } catch (RedisUnavailableException e) {
            cached = null; // each line follows its own domain's policy below
        }
        long[] versions = new long[lines.size()];
        for (int i = 0; i < versions.length; i++) {
            versions[i] = cached != null && cached.get(i).isPresent() ? cached.get(i).getAsLong() : resolve(lines.get(i), authorities.get(i));
        }
        return versions;
    }

    /** Pointer state for operators: current, previous and when it last moved. */
    public Map<String, String> describe(VersionLine line) {
        return redis.execute(j -> j.hgetAll(line.pointerKey()));
    }
}
