package dev.cpq.platform.problem.boundary;

import dev.cpq.platform.problem.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds the one response shape every error of the suite has. */
final class ProblemResponses {

    private ProblemResponses() {}

    static Response of(Problem problem, UriInfo uriInfo) {
        return builder(problem, uriInfo).build();
    }

    static Response.ResponseBuilder builder(Problem problem, UriInfo uriInfo) {
        Problem located = uriInfo == null ? problem : problem.at(uriInfo.getRequestUri().getRawPath());
        return Response.status(problem.getStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(located);
    }
}
