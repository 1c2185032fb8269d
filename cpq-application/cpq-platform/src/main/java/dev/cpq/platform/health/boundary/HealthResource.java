package dev.cpq.platform.health.boundary;

import dev.cpq.platform.health.control.ServiceHealth;
import dev.cpq.platform.health.entity.DependencyStatus;
import dev.cpq.platform.health.entity.HealthReport;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readiness with each dependency's status; 503 while any is down, so a load balancer drains us. */
@Path("health")
@ApplicationScoped
@PermitAll
public class HealthResource {

    private ServiceHealth health;

    protected HealthResource() {}

    @Inject
    public HealthResource(ServiceHealth health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthReport report = health.check();
        Map<String, Object> checks = new LinkedHashMap<>();
        for (DependencyStatus d : report.dependencies()) {
            checks.put(d.name(), Map.of("status", d.status(), "latencyMs", d.latencyMillis(),
                    "detail", d.detail() == null ? "" : d.detail()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", report.service());
        body.put("status", report.ready() ? "UP" : "DOWN");
        body.put("checks", checks);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(report.ready() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .cacheControl(noStore)
                .entity(body)
                .build();
    }
}
