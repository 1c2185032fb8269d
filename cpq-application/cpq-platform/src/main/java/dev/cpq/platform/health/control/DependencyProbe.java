package dev.cpq.platform.health.control;

import dev.cpq.platform.health.entity.DependencyStatus;

/** Asks one dependency a real question (a query, a PING, a metadata request) within a bounded time. */
public interface DependencyProbe {

    DependencyStatus probe();
}
