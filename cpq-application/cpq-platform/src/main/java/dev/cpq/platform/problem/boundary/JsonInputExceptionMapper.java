package dev.cpq.platform.problem.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.cpq.platform.problem.entity.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Malformed JSON, wrong types, unknown fields or enum values: 400 naming the field, never a 500. */
@Provider
public class JsonInputExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        String message = e.getOriginalMessage() == null ? "unreadable JSON" : firstLine(e.getOriginalMessage());
        Problem problem = Problem.of("VALIDATION_FAILED", 400, "Invalid request body", "The request body is not valid: " + message)
                .with("violations", List.of(Map.of("field", field.isEmpty() ? "body" : field, "message", message)));
        return ProblemResponses.of(problem, uriInfo);
    }

    private static String path(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // never echo back an unbounded piece of the caller's input
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
