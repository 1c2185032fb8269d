package dev.cpq.platform.health.control;

import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.cache.redis.RedisUnavailableException;
import dev.cpq.platform.health.entity.DependencyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class RedisProbe implements DependencyProbe {

    private RedisGateway redis;

    protected RedisProbe() {}

    @Inject
    public RedisProbe(RedisGateway redis) {
        this.redis = redis;
    }

    @Override
    public DependencyStatus probe() {
        long t0 = System.nanoTime();
        try {
            return DependencyStatus.up("redis", PostgresProbe.elapsed(t0), redis.ping() + " from " + redis.endpoint());
        } catch (RedisUnavailableException e) {
            return DependencyStatus.down("redis", PostgresProbe.elapsed(t0), e.getMessage());
        }
    }
}
