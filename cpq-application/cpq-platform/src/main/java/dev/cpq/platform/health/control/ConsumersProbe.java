package dev.cpq.platform.health.control;

import dev.cpq.messaging.inbox.ConsumerHealth;
import dev.cpq.platform.health.entity.DependencyStatus;
import dev.cpq.platform.messaging.control.MessagingRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The service's event consumers, as their supervisors see them: DOWN while any is restarting, stalled or
 * stopped, since its publications then stop moving this service's pointers and replicas.
 */
@ApplicationScoped
public class ConsumersProbe implements DependencyProbe {

    private MessagingRuntime messaging;

    protected ConsumersProbe() {}

    @Inject
    public ConsumersProbe(MessagingRuntime messaging) {
        this.messaging = messaging;
    }

    @Override
    public DependencyStatus probe() {
        long t0 = System.nanoTime();
        List<ConsumerHealth> consumers = messaging.consumerHealth();
        String detail = consumers.isEmpty() ? "no consumers" : consumers.stream().map(ConsumersProbe::describe)
                .collect(Collectors.joining("; "));
        boolean up = consumers.stream().allMatch(ConsumerHealth::healthy);
        return up ? DependencyStatus.up("consumers", PostgresProbe.elapsed(t0), detail)
                : DependencyStatus.down("consumers", PostgresProbe.elapsed(t0), detail);
    }

    private static String describe(ConsumerHealth h) {
        String state = h.stalled() ? "STALLED for " + h.sinceProgress().toSeconds() + " s" : h.state().name();
        // the failure itself goes to operators only (/ops/outbox, the log): health answers anyone
        return h.name() + " " + state + ", " + h.restarts() + " restart(s)";
    }
}
