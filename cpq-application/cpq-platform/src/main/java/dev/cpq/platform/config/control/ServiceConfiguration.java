package dev.cpq.platform.config.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place a service reads its environment. Values come from GlassFish system properties that
 * {@code deploy/cpq} sets on the domain ({@code cpq.*}); connection pools come from JNDI
 * ({@code jdbc/<service>}). A missing required value stops the deployment with a clear message.
 */
@ApplicationScoped
public class ServiceConfiguration {

    public static final String REDIS_URL = "cpq.redis.url";
    public static final String REDIS_TIMEOUT_MS = "cpq.redis.timeout-ms";
    /** When set (host:port,host:port,...), Redis is a cluster and {@link #REDIS_URL} is not used. */
    public static final String REDIS_CLUSTER_NODES = "cpq.redis.cluster-nodes";
    public static final String KAFKA_BOOTSTRAP = "cpq.kafka.bootstrap-servers";
    public static final String AUTH_JWKS_FILE = "cpq.auth.jwks-file";
    /** Browser origins (scheme://host[:port], comma-separated) allowed to call the API, e.g. the sales UI. */
    public static final String CORS_ALLOWED_ORIGINS = "cpq.cors.allowed-origins";
    /** Requests per minute per tenant and client (token subject). */
    public static final String RATE_LIMIT_PER_MINUTE = "cpq.rate-limit.per-minute";
    /**
     * A file holding the key (hex) that services sign their calls to each other with, so a call made on
     * behalf of an already counted request is not counted against the caller's limit again. Unset: every
     * request counts.
     */
    public static final String INTERNAL_CALL_KEY_FILE = "cpq.internal-calls.key-file";
    /**
     * A file holding the token a metrics scraper presents ({@code Authorization: Bearer <token>}) to read
     * {@code /metrics}: its series are labelled by tenant, and tenant ids are not public. Unset: {@code /metrics}
     * answers 401 to everyone.
     */
    public static final String METRICS_SCRAPE_TOKEN_FILE = "cpq.metrics.scrape-token-file";
    public static final String AUTH_ISSUER = "cpq.auth.issuer";
    public static final String AUTH_AUDIENCE = "cpq.auth.audience";

    private final Function<String, String> source;

    public ServiceConfiguration() {
        this(System::getProperty);
    }

    /** For tests: any lookup function instead of system properties. */
    public ServiceConfiguration(Function<String, String> source) {
        this.source = source;
    }

    public java.util.Set<String> corsAllowedOrigins() {
        return optional(CORS_ALLOWED_ORIGINS).map(v -> java.util.Set.of(v.split("\\s*,\\s*"))).orElse(java.util.Set.of());
    }

    public int rateLimitPerMinute() {
        return optional(RATE_LIMIT_PER_MINUTE).map(Integer::parseInt).orElse(1_200);
    }

    public String redisUrl() {
        return required(REDIS_URL);
    }

    public List<String> redisClusterNodes() {
        return optional(REDIS_CLUSTER_NODES).map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
    }

    public Duration redisTimeout() {
        return Duration.ofMillis(optional(REDIS_TIMEOUT_MS).map(Long::parseLong).orElse(250L));
    }

    public String kafkaBootstrapServers() {
        return required(KAFKA_BOOTSTRAP);
    }

    public Path jwksFile() {
        return Path.of(required(AUTH_JWKS_FILE));
    }

    public Optional<Path> metricsScrapeTokenFile() {
        return optional(METRICS_SCRAPE_TOKEN_FILE).map(Path::of);
    }

    public Optional<Path> internalCallKeyFile() {
        return optional(INTERNAL_CALL_KEY_FILE).map(Path::of);
    }

    public String tokenIssuer() {
        return required(AUTH_ISSUER);
    }

    public String tokenAudience() {
        return required(AUTH_AUDIENCE);
    }

    private Optional<String> optional(String key) {
        return Optional.ofNullable(source.apply(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private String required(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "configuration '" + key + "' is not set: deploy/cpq sets it as a GlassFish system property"));
    }
}
