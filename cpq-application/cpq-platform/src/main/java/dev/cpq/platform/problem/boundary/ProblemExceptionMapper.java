package dev.cpq.platform.problem.boundary;

import dev.cpq.platform.problem.entity.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProblemException e) {
        Response.ResponseBuilder response = ProblemResponses.builder(e.problem(), uriInfo);
        e.headers().forEach(response::header);
        return response.build();
    }
}
