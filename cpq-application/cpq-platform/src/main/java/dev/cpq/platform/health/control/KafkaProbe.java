package dev.cpq.platform.health.control;

import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.health.entity.DependencyStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Asks the broker for cluster metadata; one long-lived admin client, so a probe costs one round trip. */
@ApplicationScoped
public class KafkaProbe implements DependencyProbe {

    private static final int TIMEOUT_MS = 2_000;
    private Admin admin;

    protected KafkaProbe() {}

    @Inject
    public KafkaProbe(ServiceConfiguration configuration) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, configuration.kafkaBootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "cpq-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1_000,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 2_000));
    }

    @Override
    public DependencyStatus probe() {
        long t0 = System.nanoTime();
        try {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
            String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            return DependencyStatus.up("kafka", PostgresProbe.elapsed(t0), "cluster " + clusterId + ", " + brokers + " broker(s)");
        } catch (ExecutionException e) {
            return DependencyStatus.down("kafka", PostgresProbe.elapsed(t0), String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return DependencyStatus.down("kafka", PostgresProbe.elapsed(t0), "no answer within " + TIMEOUT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DependencyStatus.down("kafka", PostgresProbe.elapsed(t0), "interrupted");
        }
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
