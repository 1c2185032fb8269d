package dev.cpq.platform.json.boundary;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.platform.json.control.JsonDialect;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** REST bodies are read and written in the suite's {@link JsonDialect}. */
@Provider
public class JsonMapping implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = JsonDialect.strictMapper();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
