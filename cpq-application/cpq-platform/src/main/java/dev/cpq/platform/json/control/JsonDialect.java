package dev.cpq.platform.json.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The suite's one JSON dialect (REST bodies, cache payloads): strict on input (unknown fields, wrong
 * types, coercions and unknown enum values are errors, not silently dropped), bounded in size and
 * nesting, ISO-8601 dates on output. Strict JSON too: a duplicate key or data after the value is an error
 * (never "last one wins"), and a decimal number whose scale or exponent is beyond {@link #MAX_SCALE} is
 * refused as it is read, so nothing later (a range check, a message) ever expands {@code 1E-999999999}.
 */
public final class JsonDialect {

    private JsonDialect() {}

    /**
     * The largest scale (digits after the point) and the largest negative scale (a positive exponent of
     * an integer) a decimal may have. No field of the suite comes near it; it keeps every number's plain
     * text under about a hundred characters.
     */
    public static final int MAX_SCALE = 32;

    /**
     * A value the suite's own readers refused, with a reason written for the client (no Java types in it):
     * the problem mapper may show its message as it is.
     */
    public static final class RefusedValueException extends com.fasterxml.jackson.databind.exc.MismatchedInputException {

        private static final long serialVersionUID = 1L;

        RefusedValueException(com.fasterxml.jackson.core.JsonParser p, String reason) {
            super(p, reason);
        }
    }

    /** Decimals within {@link #MAX_SCALE}: a huge exponent is refused before anything uses the number. */
    static final class BoundedDecimalDeserializer extends com.fasterxml.jackson.databind.deser.std.NumberDeserializers.BigDecimalDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public java.math.BigDecimal deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            java.math.BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && Math.abs(value.scale()) > MAX_SCALE) {
                // the number itself is never formatted: its plain text may be a billion characters
                throw new RefusedValueException(p, "number out of range: its exponent or number of decimal places exceeds " + MAX_SCALE);
            }
            return value;
        }
    }

    /**
     * Text may not carry control characters other than tab and line breaks: NUL cannot even be stored
     * in PostgreSQL, and the others have no business in names, ids or descriptions. Nor half of a
     * surrogate pair: it is no character at all.
     */
    static final class PlainTextDeserializer extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            String text = super.deserialize(p, ctxt);
            if (text != null) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                        throw new RefusedValueException(p, "control characters are not allowed in text");
                    }
                    // a lone surrogate (\ud800, or its bytes in the body) is no character: written as UTF-8 it
                    // becomes '?', so two different texts would be stored, hashed and compared as the same
                    if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                            i++;
                        } else {
                            throw new RefusedValueException(p, "text must be valid Unicode (an unpaired surrogate)");
                        }
                    }
                }
            }
            return text;
        }
    }

    public static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("cpq-text")
                        .addDeserializer(String.class, new PlainTextDeserializer())
                        .addDeserializer(java.math.BigDecimal.class, new BoundedDecimalDeserializer()))
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // a number or boolean where text is expected is a wrong type, not something to stringify
        for (var shape : new com.fasterxml.jackson.databind.cfg.CoercionInputShape[] {
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                    .setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
        // bound nesting and string sizes: a hostile body costs a 400, not memory
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(64 * 1024)
                .maxNumberLength(64)
                .build());
        return mapper;
    }

}
