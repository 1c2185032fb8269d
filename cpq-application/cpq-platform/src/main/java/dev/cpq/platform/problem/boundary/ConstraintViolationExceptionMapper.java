package dev.cpq.platform.problem.boundary;

import dev.cpq.platform.problem.entity.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.Map;

/** Bean Validation failures on request DTOs: 400 VALIDATION_FAILED listing every offending field. */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        var violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        Problem problem = Problem.of("VALIDATION_FAILED", 400, "Invalid request", violations.size() + " field(s) are invalid")
                .with("violations", violations);
        return ProblemResponses.of(problem, uriInfo);
    }

    /**
     * "put.body.name" -> "name", "put.offeringId" -> "offeringId": the client knows its body and
     * parameters, not our method names; nor Bean Validation's container nodes ("values[1].<list element>"
     * is "values[1]").
     */
    private static String field(ConstraintViolation<?> v) {
        String[] parts = v.getPropertyPath().toString().replaceAll("\\.?<[a-z ]+>", "").split("\\.");
        if (parts.length > 2) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts.length == 2 ? parts[1] : "body";
    }
}
