package dev.cpq.platform.problem.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import dev.cpq.platform.json.control.JsonDialect;
import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.problem.entity.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Malformed JSON, wrong types, unknown fields or enum values: 400 naming the field, never a 500. The
 * client learns the field and a reason in its own terms (text, integer, number, one of ...), never
 * Jackson's message: that names our classes and packages.
 */
@Provider
public class JsonInputExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    /** Names a JSON field may have in a reason we echo (a duplicate key is the client's own text). */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException e) {
        // a failure of the body stream itself (e.g. over the size limit) that Jackson wrapped answers as itself
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                Response.ResponseBuilder response = ProblemResponses.builder(problem.problem(), uriInfo);
                problem.headers().forEach(response::header);
                return response.build();
            }
        }
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        String message = reason(e);
        Problem problem = Problem.of("VALIDATION_FAILED", 400, "Invalid request body", "The request body is not valid: " + message)
                .with("violations", List.of(Map.of("field", field.isEmpty() ? "body" : field, "message", message)));
        return ProblemResponses.of(problem, uriInfo);
    }

    /** A reason written here, from the kind of failure; Jackson's own wording only where it names no type. */
    static String reason(JsonProcessingException e) {
        if (e instanceof JsonDialect.RefusedValueException refused) {
            return refused.getOriginalMessage(); // written by the suite's readers for the client
        }
        if (e instanceof PropertyBindingException) {
            return "unknown field";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof InvalidFormatException format) {
            return "expected " + expected(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String original = String.valueOf(mismatch.getOriginalMessage());
            if (original.startsWith("Missing required creator property") || original.contains("null value for creator property")) {
                return "must not be null";
            }
            if (original.contains("No content to map")) {
                return "a JSON body is required";
            }
            if (original.contains("Trailing token")) {
                return "data after the JSON value";
            }
            return "expected " + expected(mismatch.getTargetType());
        }
        if (e instanceof StreamConstraintsException) {
            return "the body exceeds the size limits of a JSON request (nesting, text or number length)";
        }
        if (e instanceof StreamReadException read) {
            String original = String.valueOf(read.getOriginalMessage());
            if (original.startsWith("Duplicate field '")) {
                String name = original.substring("Duplicate field '".length(), Math.max(original.lastIndexOf('\''), "Duplicate field '".length()));
                return FIELD_NAME.matcher(name).matches() ? "duplicate field '" + name + "'" : "duplicate field";
            }
            if (original.contains("end-of-input")) {
                return "the body ends before the JSON value does";
            }
            return "malformed JSON" + location(read);
        }
        if (e instanceof JsonMappingException) {
            return "invalid value";
        }
        return "unreadable JSON";
    }

    private static String location(StreamReadException e) {
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** The JSON shape a Java type stands for, in the client's terms. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time";
        }
        return "an object";
    }

    private static String path(List<JsonMappingException.Reference> path) {
        String joined = path.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        // field names are the client's text: never echo an unbounded piece of it
        return joined.length() > 200 ? joined.substring(0, 200) + "..." : joined;
    }
}
