package dev.cpq.platform.json.boundary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.cpq.platform.json.control.JsonDialect;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A JSON request body is one JSON value and nothing after it. Jersey's Jackson provider binds from a
 * parser and never looks past the value, so {@code {...} {...}} or {@code {...} x} would be read as the
 * first value: the body (at most 1 MiB, bounded by {@code RequestSizeLimit}) is read here, scanned by the
 * suite's parser (its rules: duplicate keys, limits) to its end, and handed on. Anything after the value
 * is a 400 like any other unreadable body.
 */
@Provider
public class StrictJsonBody implements ReaderInterceptor {

    private final JsonFactory json = JsonDialect.strictMapper().getFactory();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != null) {
                p.skipChildren();
                if (p.nextToken() != null) {
                    throw MismatchedInputException.from(p, (Class<?>) null, "Trailing token after the JSON value");
                }
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }
}
