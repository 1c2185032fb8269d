package dev.cpq.platform.observability.boundary;

import dev.cpq.platform.observability.control.CurrentRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is a sensible one, else a new one.
 * It is answered in the response header, travels as the trace id of events written in the request, and
 * ends one structured log line per request (request id, tenant, method, path (aggregate ids), status,
 * duration, idempotency key, expected version (If-Match), resulting ETag, conflict code).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
@ApplicationScoped
public class RequestCorrelation implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String PROPERTY = "cpq.requestId";
    private static final String STARTED = "cpq.requestStarted";
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Logger LOG = Logger.getLogger("dev.cpq.requests");

    private CurrentRequest current;

    protected RequestCorrelation() {}

    @Inject
    public RequestCorrelation(CurrentRequest current) {
        this.current = current;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SENSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, id);
        request.setProperty(STARTED, System.nanoTime());
        current.begin(id, request.getHeaderString("Idempotency-Key"));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id == null) {
            return;
        }
        response.getHeaders().putSingle(HEADER, id);
        Object started = request.getProperty(STARTED);
        long micros = started instanceof Long t0 ? (System.nanoTime() - t0) / 1_000 : -1;
        String tenant = request.getProperty("cpq.tenant") instanceof String t ? t : "-";
        String key = request.getHeaderString("Idempotency-Key");
        String expected = request.getHeaderString("If-Match");
        Object etag = response.getHeaders().getFirst("ETag");
        String conflict = response.getEntity() instanceof dev.cpq.platform.problem.entity.Problem p ? p.getCode() : "-";
        LOG.info(() -> String.format("requestId=%s tenantId=%s method=%s path=/%s status=%d durationUs=%d idempotencyKey=%s"
                        + " expectedVersion=%s etag=%s conflictCode=%s",
                id, tenant, request.getMethod(), request.getUriInfo().getPath(), response.getStatus(), micros, key == null ? "-" : key,
                expected == null ? "-" : expected, etag == null ? "-" : etag, conflict));
    }
}
