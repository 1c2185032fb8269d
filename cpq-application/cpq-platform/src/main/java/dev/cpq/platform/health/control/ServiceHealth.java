package dev.cpq.platform.health.control;

import dev.cpq.platform.config.entity.ServiceIdentity;
import dev.cpq.platform.health.entity.HealthReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Readiness of this service: PostgreSQL, Redis and Kafka, each asked for real, and its event consumers. */
@ApplicationScoped
public class ServiceHealth {

    private ServiceIdentity identity;
    private List<DependencyProbe> probes;

    protected ServiceHealth() {}

    @Inject
    public ServiceHealth(ServiceIdentity identity, PostgresProbe postgres, RedisProbe redis, KafkaProbe kafka, ConsumersProbe consumers) {
        this.identity = identity;
        this.probes = List.of(postgres, redis, kafka, consumers);
    }

    public HealthReport check() {
        return new HealthReport(identity.name(), probes.stream().map(DependencyProbe::probe).toList());
    }
}
