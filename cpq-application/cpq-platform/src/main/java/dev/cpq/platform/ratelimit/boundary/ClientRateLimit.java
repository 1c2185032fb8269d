package dev.cpq.platform.ratelimit.boundary;

import dev.cpq.cache.key.KeyComponents;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.ratelimit.WindowCounter;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.cache.redis.RedisUnavailableException;
import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.observability.boundary.RequestCorrelation;
import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.platform.ratelimit.entity.RateLimitedException;
import dev.cpq.platform.security.entity.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Partner protection: requests per minute per tenant and client (token subject), counted in Redis.
 * Over the limit: 429 with Retry-After. Redis down: the limiter fails open (counted), the API answers.
 * A call another service makes on behalf of a request it serves ({@link InternalCallSignature}) is not
 * counted again ({@code cpq_rate_limit_internal_calls_total}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
@ApplicationScoped
public class ClientRateLimit implements ContainerRequestFilter {

    private WindowCounter counter;
    private long limit;
    private Counter failedOpen;
    private Counter limited;
    private Counter internal;
    private InternalCallSignature internalCalls;
    private final Clock clock = Clock.systemUTC();

    protected ClientRateLimit() {}

    @Inject
    public ClientRateLimit(RedisGateway redis, CacheMetrics metrics, MeterRegistry registry, ServiceConfiguration configuration,
            InternalCallSignature internalCalls) {
        this.counter = new WindowCounter(redis, metrics, Duration.ofMinutes(1));
        this.limit = configuration.rateLimitPerMinute();
        this.failedOpen = registry.counter("cpq.rate.limit.failed.open");
        this.limited = registry.counter("cpq.rate.limit.rejected");
        this.internal = registry.counter("cpq.rate.limit.internal.calls");
        this.internalCalls = internalCalls;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller)) {
            return; // public endpoints (health, metrics) are not limited per client
        }
        String mark = request.getHeaderString(InternalCallSignature.HEADER);
        if (mark != null && internalCalls.verifies(mark, request.getMethod(), request.getUriInfo().getRequestUri(),
                (String) request.getProperty(RequestCorrelation.PROPERTY), caller.tenant().value(), caller.subject())) {
            internal.increment();
            return; // the request this call serves was counted when it came in
        }
        Instant now = clock.instant();
        WindowCounter.Count count;
        try {
            count = counter.increment(caller.tenant().value(), KeyComponents.digest(caller.subject()), now);
        } catch (RedisUnavailableException e) {
            failedOpen.increment();
            return;
        }
        if (count.requests() > limit) {
            limited.increment();
            throw new RateLimitedException(limit, Duration.between(now, count.windowEnds()).toSeconds() + 1);
        }
    }
}
