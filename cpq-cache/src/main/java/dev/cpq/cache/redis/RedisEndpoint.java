package dev.cpq.cache.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Redis is and how long we are willing to wait for it. Timeouts are deliberately small
 * (milliseconds): a cache that answers slowly is worse than a miss.
 */
public record RedisEndpoint(String host, int port, Duration connectTimeout, Duration readTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(250);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(250);

    public RedisEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("Redis host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Redis port out of range: " + port);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /** Parses {@code redis://host:port}; the default port 6379 applies when none is given. */
    public static RedisEndpoint parse(String url, Duration connectTimeout, Duration readTimeout) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a Redis URL: " + url, e);
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not a Redis URL (expected redis://host:port): " + url);
        }
        return new RedisEndpoint(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort(), connectTimeout, readTimeout);
    }

    public static RedisEndpoint parse(String url) {
        return parse(url, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    @Override
    public String toString() {
        return "redis://" + host + ":" + port;
    }
}
