package dev.cpq.cache.redis;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The one door through which the suite talks to Redis. Every call answers or fails within the
 * endpoint's timeouts with a {@link RedisUnavailableException} (so does a Redis that answers but cannot
 * serve: OOM, READONLY, BUSY, LOADING...); behind a circuit breaker, a dead Redis
 * costs one fast failure per call instead of a timeout each. Callers decide per cache policy whether
 * to fall back to the source of truth or fail fast.
 */
public final class RedisGateway implements AutoCloseable {

    /** Circuit breaker settings: how many calls are judged, how many must fail, how long it stays open. */
    public record BreakerSettings(int windowSize, float failureRatePercent, Duration openFor) {

        public static BreakerSettings defaults() {
            return new BreakerSettings(20, 50f, Duration.ofSeconds(2));
        }
    }

    private final RedisEndpoint endpoint;
    private final UnifiedJedis jedis;
    private final CircuitBreaker breaker;

    private RedisGateway(RedisEndpoint endpoint, UnifiedJedis jedis, CircuitBreaker breaker) {
        this.endpoint = endpoint;
        this.jedis = jedis;
        this.breaker = breaker;
    }

    public static RedisGateway connect(RedisEndpoint endpoint, int maxConnections) {
        return connect(endpoint, maxConnections, BreakerSettings.defaults());
    }

    public static RedisGateway connect(RedisEndpoint endpoint, int maxConnections, BreakerSettings settings) {
        var jedis = new JedisPooled(poolConfig(endpoint, maxConnections), new HostAndPort(endpoint.host(), endpoint.port()),
                clientConfig(endpoint));
        return new RedisGateway(endpoint, jedis, breaker(endpoint.toString(), settings));
    }

    /**
     * A gateway over a Redis Cluster, found through any of its nodes. Every key of the suite carries its
     * tenant as a hash tag, so the multi-key commands and scripts the library sends stay in one slot.
     */
    public static RedisGateway connectCluster(List<RedisEndpoint> seeds, int maxConnectionsPerNode, BreakerSettings settings) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one seed node");
        }
        RedisEndpoint first = seeds.get(0);
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (RedisEndpoint seed : seeds) {
            nodes.add(new HostAndPort(seed.host(), seed.port()));
        }
        // one attempt per node of a small cluster: a redirect (MOVED/ASK) is followed, a dead node is not retried forever
        var jedis = new JedisCluster(nodes, clientConfig(first), Math.max(2, seeds.size()), poolConfig(first, maxConnectionsPerNode));
        return new RedisGateway(first, jedis, breaker("cluster-" + first, settings));
    }

    private static DefaultJedisClientConfig clientConfig(RedisEndpoint endpoint) {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(endpoint.connectTimeout()))
                .socketTimeoutMillis(millis(endpoint.readTimeout()))
                .blockingSocketTimeoutMillis(millis(endpoint.readTimeout()))
                .clientName("cpq")
                .build();
    }

    private static ConnectionPoolConfig poolConfig(RedisEndpoint endpoint, int maxConnections) {
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMinIdle(0);
        // borrowing must not hang when Redis is gone: wait no longer than a connect would
        pool.setMaxWait(endpoint.connectTimeout());
        pool.setJmxEnabled(false);
        pool.setTestWhileIdle(false);
        return pool;
    }

    private static CircuitBreaker breaker(String name, BreakerSettings settings) {
        var breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.windowSize())
                .minimumNumberOfCalls(Math.min(5, settings.windowSize()))
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                // an unreachable or silent Redis opens the breaker, and so does one that answers but cannot serve
                // (out of memory, read-only, busy, loading); any other rejected command is a bug, not an outage
                .recordException(e -> unreachable(e) || cannotServe(e))
                .ignoreException(e -> e instanceof JedisDataException && !cannotServe(e))
                .build();
        return CircuitBreaker.of("redis-" + name, breakerConfig);
    }

    public RedisEndpoint endpoint() {
        return endpoint;
    }

    /** Round trip to Redis; answers the server's reply or throws {@link RedisUnavailableException}. */
    public String ping() {
        return execute(UnifiedJedis::ping);
    }

    /** Told the duration (ns) of every command, for the time-spent-in-Redis metric; no-op until set. */
    private volatile java.util.function.LongConsumer commandTime = nanos -> { };

    public void observeCommandTime(java.util.function.LongConsumer observer) {
        this.commandTime = java.util.Objects.requireNonNull(observer, "observer");
    }

    /** Runs one command; an unreachable Redis or an open breaker becomes a {@link RedisUnavailableException}. */
    public <T> T execute(Function<UnifiedJedis, T> command) {
        long t0 = System.nanoTime();
        try {
            return breaker.executeSupplier(() -> command.apply(jedis));
        } catch (CallNotPermittedException e) {
            throw new RedisUnavailableException("Redis at " + endpoint + " is failing; circuit open, not calling it", e);
        } catch (JedisDataException e) {
            if (cannotServe(e)) {
                throw new RedisUnavailableException("Redis at " + endpoint + " cannot serve: " + e.getMessage(), e);
            }
            throw new IllegalStateException("Redis rejected a command: " + e.getMessage(), e);
        } catch (JedisException e) {
            throw new RedisUnavailableException("Redis at " + endpoint + " did not answer: " + e.getMessage(), e);
        } finally {
            commandTime.accept(System.nanoTime() - t0);
        }
    }

    /** Runs a Lua script by its digest, loading it once per server when Redis does not know it yet. */
    public Object eval(RedisScript script, List<String> keys, List<String> args) {
        return execute(j -> {
            try {
                return j.evalsha(script.sha1(), keys, args);
            } catch (JedisNoScriptException e) {
                return j.eval(script.source(), keys, args);
            }
        });
    }

    /**
     * Error replies by which a running Redis says it cannot serve now, whatever the command: they mean
     * "Redis unavailable" like a timeout does. Matched at the start of the reply or of an error raised
     * inside a script ({@code ... -OOM command not allowed ...}). A server that refuses the suite's
     * connections (a password it does not have: {@code NOAUTH}, {@code WRONGPASS}) cannot serve it either.
     */
    private static final Pattern CANNOT_SERVE = Pattern.compile(
            "(?:^|-)(?:OOM|READONLY|BUSY|LOADING|MASTERDOWN|NOREPLICAS|CLUSTERDOWN|TRYAGAIN|MISCONF|NOAUTH|WRONGPASS)\\b");

    /**
     * Redis could not be reached: a connection that failed or timed out, or a cluster that ran out of
     * attempts (or of time) reaching a key's node, or reaches no node at all; Jedis reports the latter as
     * a {@link JedisClusterOperationException}, not a connection failure. Keys of several slots in one
     * command are the one cluster refusal that is a programming error.
     */
    static boolean unreachable(Throwable e) {
        return e instanceof JedisConnectionException || e instanceof JedisClusterOperationException
                && !String.valueOf(e.getMessage()).startsWith("Keys must belong to same hashslot");
    }

    static boolean cannotServe(Throwable e) {
        return e instanceof JedisDataException && e.getMessage() != null && CANNOT_SERVE.matcher(e.getMessage()).find();
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    @Override
    public void close() {
        jedis.close();
    }

    private static int millis(Duration d) {
        return Math.toIntExact(d.toMillis());
    }
}
