package dev.cpq.platform.problem.boundary;

import dev.cpq.platform.problem.entity.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Request bodies are small JSON commands: anything over 1 MiB is refused with 413 before it is read,
 * so a huge body costs a header check, not memory and parsing time. The connection is closed, the
 * rest of the body is never read.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {

    public static final long MAX_BODY_BYTES = 1024 * 1024;

    @Context
    UriInfo uriInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            Problem problem = Problem.of("PAYLOAD_TOO_LARGE", 413, "Payload too large",
                    "Request bodies are limited to " + MAX_BODY_BYTES + " bytes.");
            request.abortWith(Response.fromResponse(ProblemResponses.of(problem, uriInfo)).header("Connection", "close").build());
        }
    }
}
