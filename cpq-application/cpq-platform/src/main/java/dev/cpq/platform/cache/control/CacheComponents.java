package dev.cpq.platform.cache.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.cache.invalidation.CacheInvalidation;
import dev.cpq.cache.invalidation.SupersededVersionCleanup;
import dev.cpq.cache.metrics.CacheMetrics;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.cache.policy.CachePolicies;
import dev.cpq.cache.projection.ProjectionCache;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.platform.json.control.JsonDialect;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** cpq-cache wired for a service: one instance of each part, sharing the gateway and the metrics. */
@ApplicationScoped
public class CacheComponents {

    private final ObjectMapper cacheJson = JsonDialect.strictMapper();

    /** Creates the cache metrics at deployment, so the breaker gauge is exported before the first cache call. */
    void exportAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started, CacheMetrics metrics) {
        metrics.registry();
    }

    @Produces
    @Singleton
    CachePolicies policies() {
        return CachePolicies.defaults();
    }

    @Produces
    @Singleton
    CacheMetrics metrics(MeterRegistry registry, RedisGateway redis) {
        CacheMetrics metrics = new CacheMetrics(registry);
        metrics.watchBreaker(redis);
        metrics.timeCommands(redis);
        return metrics;
    }

    @Produces
    @Singleton
    ProjectionCache projectionCache(RedisGateway redis, CachePolicies policies, CacheMetrics metrics) {
        return new ProjectionCache(redis, policies, metrics, cacheJson);
    }

    @Produces
    @Singleton
    ActiveVersionPointer activeVersionPointer(RedisGateway redis, CachePolicies policies, CacheMetrics metrics) {
        return new ActiveVersionPointer(redis, policies, metrics, Clock.systemUTC());
    }

    @Produces
    @Singleton
    CacheInvalidation cacheInvalidation(RedisGateway redis, CacheMetrics metrics) {
        return new CacheInvalidation(redis, metrics);
    }

    @Produces
    @Singleton
    SupersededVersionCleanup supersededVersionCleanup(ActiveVersionPointer pointer, CacheInvalidation invalidation) {
        return new SupersededVersionCleanup(pointer, invalidation);
    }
}
