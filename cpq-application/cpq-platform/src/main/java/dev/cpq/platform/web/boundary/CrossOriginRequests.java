package dev.cpq.platform.web.boundary;

import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.problem.entity.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * CORS for the browser origins a deployment allows ({@code cpq.cors.allowed-origins}): preflights are
 * answered before authentication (they carry no token), responses to allowed origins name the origin
 * and expose the headers clients need (ETag, Location, Idempotent-Replayed, X-Request-Id, Retry-After).
 * Other origins get no CORS headers; their preflights a 403 problem.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
@ApplicationScoped
public class CrossOriginRequests implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";

    private Set<String> allowed;

    protected CrossOriginRequests() {}

    @Inject
    public CrossOriginRequests(ServiceConfiguration configuration) {
        this.allowed = configuration.corsAllowedOrigins();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || origin == null || request.getHeaderString(REQUEST_METHOD) == null) {
            return;
        }
        if (!allowed.contains(origin)) {
            Problem problem = Problem.of("CORS_ORIGIN_NOT_ALLOWED", 403, "Origin not allowed",
                    "Browser calls from this origin are not allowed by this deployment.");
            request.abortWith(Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build());
            return;
        }
        request.abortWith(Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, If-Match, X-Request-Id")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        if (origin != null && allowed.contains(origin) && !response.getHeaders().containsKey("Access-Control-Allow-Origin")) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "ETag, Location, Idempotent-Replayed, X-Request-Id, Retry-After");
            response.getHeaders().add("Vary", "Origin");
        }
    }
}
