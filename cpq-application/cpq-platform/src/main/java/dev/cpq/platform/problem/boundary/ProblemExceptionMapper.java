package dev.cpq.platform.problem.boundary;

import dev.cpq.platform.problem.entity.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every deliberate rejection becomes its problem body and is counted by code and endpoint
 * ({@code cpq_problems_total{code,status,endpoint}}): version conflicts by command, stale data,
 * idempotency conflicts and the like show up in the metrics of the service that refused them.
 */
@Provider
@ApplicationScoped
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo uriInfo;

    @Context
    ResourceInfo resourceInfo;

    private MeterRegistry registry;

    protected ProblemExceptionMapper() {}

    @Inject
    public ProblemExceptionMapper(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response toResponse(ProblemException e) {
        registry.counter("cpq.problems", "code", e.problem().getCode(), "status", Integer.toString(e.problem().getStatus()),
                "endpoint", endpoint()).increment();
        Response.ResponseBuilder response = ProblemResponses.builder(e.problem(), uriInfo);
        e.headers().forEach(response::header);
        return response.build();
    }

    /** The command or query that refused ({@code OfferingsResource.put}): conflicts by command. */
    private String endpoint() {
        if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
            return "none";
        }
        return resourceInfo.getResourceClass().getSimpleName() + "." + resourceInfo.getResourceMethod().getName();
    }
}
