package dev.cpq.platform.health.entity;

import java.util.List;

/** Readiness of one service: ready only when every dependency answered. */
public record HealthReport(String service, List<DependencyStatus> dependencies) {

    public HealthReport {
        dependencies = List.copyOf(dependencies);
    }

    public boolean ready() {
        return dependencies.stream().allMatch(DependencyStatus::up);
    }
}
