package dev.cpq.cache.redis;

import java.time.Duration;
import java.util.function.Function;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The one door through which the suite talks to Redis. Every call either answers or fails within the
 * endpoint's timeouts with a {@link RedisUnavailableException}; callers decide (per cache policy)
 * whether to fall back to the source of truth or fail fast.
 */
public final class RedisGateway implements AutoCloseable {

    private final RedisEndpoint endpoint;
    private final UnifiedJedis jedis;

    private RedisGateway(RedisEndpoint endpoint, UnifiedJedis jedis) {
        this.endpoint = endpoint;
        this.jedis = jedis;
    }

    public static RedisGateway connect(RedisEndpoint endpoint, int maxConnections) {
        var clientConfig = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(endpoint.connectTimeout()))
                .socketTimeoutMillis(millis(endpoint.readTimeout()))
                .blockingSocketTimeoutMillis(millis(endpoint.readTimeout()))
                .clientName("cpq")
                .build();
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMinIdle(0);
        // Borrowing must not hang when Redis is gone: wait no longer than a connect would.
        pool.setMaxWait(endpoint.connectTimeout());
        pool.setJmxEnabled(false);
        pool.setTestWhileIdle(false);
        return new RedisGateway(endpoint, new JedisPooled(pool, new HostAndPort(endpoint.host(), endpoint.port()), clientConfig));
    }

    public RedisEndpoint endpoint() {
        return endpoint;
    }

    /** Round trip to Redis; answers the server's reply or throws {@link RedisUnavailableException}. */
    public String ping() {
        return execute(UnifiedJedis::ping);
    }

    /** Runs one command; every Jedis failure becomes a {@link RedisUnavailableException}. */
    public <T> T execute(Function<UnifiedJedis, T> command) {
        try {
            return command.apply(jedis);
        } catch (JedisException e) {
            throw new RedisUnavailableException("Redis at " + endpoint + " did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        jedis.close();
    }

    private static int millis(Duration d) {
        return Math.toIntExact(d.toMillis());
    }
}
