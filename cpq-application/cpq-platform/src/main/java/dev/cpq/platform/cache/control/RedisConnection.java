package dev.cpq.platform.cache.control;

import dev.cpq.cache.redis.RedisEndpoint;
import dev.cpq.cache.redis.RedisGateway;
import dev.cpq.platform.config.control.ServiceConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** One pooled Redis gateway per service (single node, or a cluster when configured), closed on undeploy. */
@ApplicationScoped
public class RedisConnection {

    private static final int MAX_CONNECTIONS = 32;

    // @Singleton, not @ApplicationScoped: the gateway is final and needs no client proxy
    @Produces
    @Singleton
    RedisGateway redisGateway(ServiceConfiguration configuration) {
        var timeout = configuration.redisTimeout();
        List<String> clusterNodes = configuration.redisClusterNodes();
        if (!clusterNodes.isEmpty()) {
            List<RedisEndpoint> seeds = clusterNodes.stream().map(n -> RedisEndpoint.parse("redis://" + n, timeout, timeout)).toList();
            return RedisGateway.connectCluster(seeds, MAX_CONNECTIONS, RedisGateway.BreakerSettings.defaults());
        }
        return RedisGateway.connect(RedisEndpoint.parse(configuration.redisUrl(), timeout, timeout), MAX_CONNECTIONS);
    }

    void close(@Disposes RedisGateway gateway) {
        gateway.close();
    }
}
