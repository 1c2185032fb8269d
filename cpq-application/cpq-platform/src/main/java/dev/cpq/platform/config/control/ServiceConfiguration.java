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
    /** The longest a user's token may live ({@code exp - iat}), in seconds; longer-lived tokens are refused. Default 12 h. */
    public static final String AUTH_MAX_TOKEN_LIFETIME_SECONDS = "cpq.auth.max-token-lifetime-seconds";
    /**
     * A file holding the RSA private key (PKCS#8 PEM) a service signs its own SERVICE tokens with, for calls no
     * user request carries (consumers, workers, schedulers). Unset: the service has no identity of its own and
     * no SERVICE token is accepted.
     */
    public static final String SERVICE_IDENTITY_KEY_FILE = "cpq.service-identity.key-file";
    /** Issuer and audience of SERVICE tokens: never those of user tokens, so neither kind passes for the other. */
    public static final String SERVICE_IDENTITY_ISSUER = "cpq.service-identity.issuer";
    public static final String SERVICE_IDENTITY_AUDIENCE = "cpq.service-identity.audience";
    /** How long one call to another service may take to connect, and then to answer (milliseconds, default 2000 each). */
    public static final String REMOTE_CONNECT_TIMEOUT_MS = "cpq.remote.connect-timeout-ms";
    public static final String REMOTE_READ_TIMEOUT_MS = "cpq.remote.read-timeout-ms";

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

    public Duration maxUserTokenLifetime() {
        return Duration.ofSeconds(optional(AUTH_MAX_TOKEN_LIFETIME_SECONDS).map(Long::parseLong).orElse(12 * 3600L));
    }

    public Optional<Path> serviceIdentityKeyFile() {
        return optional(SERVICE_IDENTITY_KEY_FILE).map(Path::of);
    }

    public String serviceTokenIssuer() {
        return optional(SERVICE_IDENTITY_ISSUER).orElse("cpq-service-identity");
    }

    public String serviceTokenAudience() {
        return optional(SERVICE_IDENTITY_AUDIENCE).orElse("cpq-services");
    }

    public Duration remoteConnectTimeout() {
        return duration(REMOTE_CONNECT_TIMEOUT_MS, Duration.ofSeconds(2));
    }

    public Duration remoteReadTimeout() {
        return duration(REMOTE_READ_TIMEOUT_MS, Duration.ofSeconds(2));
    }

    /** A service's own setting in milliseconds (e.g. a schedule's interval), or the fallback when unset. */
    public Duration duration(String millisKey, Duration fallback) {
        Duration d = optional(millisKey).map(Long::parseLong).map(Duration::ofMillis).orElse(fallback);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalStateException("configuration '" + millisKey + "' must be a positive number of milliseconds");
        }
        return d;
    }

    private Optional<String> optional(String key) {
        return Optional.ofNullable(source.apply(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private String required(String key) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "configuration '" + key + "' is not set: deploy/cpq sets it as a GlassFish system property"));
    }
}
