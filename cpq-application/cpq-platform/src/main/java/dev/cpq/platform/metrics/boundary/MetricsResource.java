package dev.cpq.platform.metrics.boundary;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code GET /metrics}: every meter of this service in Prometheus text format. */
@Path("metrics")
@ApplicationScoped
@PermitAll
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusMeterRegistry registry;

    protected MetricsResource() {}

    @Inject
    public MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        return registry.scrape();
    }
}
