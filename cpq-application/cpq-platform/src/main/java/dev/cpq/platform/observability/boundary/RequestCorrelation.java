package dev.cpq.platform.observability.boundary;

import dev.cpq.platform.observability.control.CurrentRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.MeterRegistry;
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
 * duration, idempotency key, expected version (If-Match), resulting ETag, conflict code): at INFO for
 * commands and failed requests, at FINE for successful reads.
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

    private MeterRegistry registry;
    /** One timer per method and outcome, looked up once rather than built per request. */
    private final java.util.concurrent.ConcurrentMap<String, io.micrometer.core.instrument.Timer> timers =
            new java.util.concurrent.ConcurrentHashMap<>();

    protected RequestCorrelation() {}

    @Inject
    public RequestCorrelation(MeterRegistry registry) {
        this.registry = registry;
    }


    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SENSIBLE.matcher(given).matches() ? given : newRequestId();
        request.setProperty(PROPERTY, id);
        request.setProperty(STARTED, System.nanoTime());
        // properties of a servlet-hosted request are its attributes, where CurrentRequest reads them
        request.setProperty(CurrentRequest.ID, id);
        request.setProperty(CurrentRequest.KEY, request.getHeaderString("Idempotency-Key"));
    }

    /** A random (version 4 layout) id: unique enough for correlation, without the cost of SecureRandom. */
    private static String newRequestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id == null) {
            return;
        }
        response.getHeaders().putSingle(HEADER, id);
        Object started = request.getProperty(STARTED);
        long nanos = started instanceof Long t0 ? System.nanoTime() - t0 : -1;
        long micros = nanos < 0 ? -1 : nanos / 1_000;
        if (nanos >= 0) {
            // the whole of this service's time per request: what the time in Redis and in remote calls is a share of
            String outcome = response.getStatus() < 400 ? "success" : response.getStatus() < 500 ? "client_error" : "server_error";
            timers.computeIfAbsent(request.getMethod() + " " + outcome,
                    k -> registry.timer("cpq.http.server.requests", "method", request.getMethod(), "outcome", outcome))
                    .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        String tenant = request.getProperty("cpq.tenant") instanceof String t ? t : "-";
        String key = request.getHeaderString("Idempotency-Key");
        String expected = request.getHeaderString("If-Match");
        Object etag = response.getHeaders().getFirst("ETag");
        String conflict = response.getEntity() instanceof dev.cpq.platform.problem.entity.Problem p ? p.getCode() : "-";
        // commands and failures at INFO; successful reads at FINE (the access log has them): a formatted
        // line per cached read was a fifth of its cost
        java.util.logging.Level level = "GET".equals(request.getMethod()) && response.getStatus() < 400
                ? java.util.logging.Level.FINE : java.util.logging.Level.INFO;
        LOG.log(level, () -> String.format("requestId=%s tenantId=%s method=%s path=/%s status=%d durationUs=%d idempotencyKey=%s"
                        + " expectedVersion=%s etag=%s conflictCode=%s",
                id, tenant, request.getMethod(), request.getUriInfo().getPath(), response.getStatus(), micros, key == null ? "-" : key,
                expected == null ? "-" : expected, etag == null ? "-" : etag, conflict));
    }
}
