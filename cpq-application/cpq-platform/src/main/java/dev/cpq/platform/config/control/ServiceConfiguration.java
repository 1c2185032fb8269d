package dev.cpq.platform.config.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
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
    public static final String KAFKA_BOOTSTRAP = "cpq.kafka.bootstrap-servers";
    public static final String AUTH_JWKS_FILE = "cpq.auth.jwks-file";
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

    public String redisUrl() {
        return required(REDIS_URL);
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
