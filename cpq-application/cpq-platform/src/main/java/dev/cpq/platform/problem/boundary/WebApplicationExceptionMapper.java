package dev.cpq.platform.problem.boundary;

import dev.cpq.platform.problem.entity.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * JAX-RS's own failures (unknown path, wrong method, unsupported media type, forbidden role, ...)
 * as problem bodies with stable codes. Headers the runtime set (Allow, WWW-Authenticate) are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"BAD_REQUEST", "Bad request"},
            401, new String[] {"UNAUTHENTICATED", "Authentication required"},
            403, new String[] {"FORBIDDEN", "Forbidden"},
            404, new String[] {"NOT_FOUND", "Not found"},
            405, new String[] {"METHOD_NOT_ALLOWED", "Method not allowed"},
            406, new String[] {"NOT_ACCEPTABLE", "Not acceptable"},
            413, new String[] {"PAYLOAD_TOO_LARGE", "Payload too large"},
            415, new String[] {"UNSUPPORTED_MEDIA_TYPE", "Unsupported media type"});

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original; // redirects and the like are not errors
        }
        String[] known = KNOWN.getOrDefault(status, status >= 500
                ? new String[] {"SERVICE_FAILURE", "Service failure"}
                : new String[] {"REQUEST_REJECTED", "Request rejected"});
        String detail = status >= 500 ? "The service could not complete the request." : clientDetail(status);
        Response.ResponseBuilder response = ProblemResponses.builder(Problem.of(known[0], status, known[1], detail), uriInfo);
        for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER}) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }

    private static String clientDetail(int status) {
        return switch (status) {
            case 403 -> "Your roles do not allow this operation.";
            case 404 -> "No such resource.";
            case 405 -> "This resource does not support that method.";
            case 415 -> "Send application/json.";
            default -> "The request was rejected.";
        };
    }
}
