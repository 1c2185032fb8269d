package dev.cpq.quote.core.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.quote.authority.entity.ApprovalSignal;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** The quote's JSON values (lines, priced lines, totals, signals), each one text column; decimals stay exact. */
public final class JsonColumns {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonColumns() {}

    static String write(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a quote's values are always writable", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an unreadable value in the quote table", e);
        }
    }

    @Converter
    public static class Lines implements AttributeConverter<List<QuoteLine>, String> {

        private static final TypeReference<List<QuoteLine>> TYPE = new TypeReference<>() {};

        @Override
        public String convertToDatabaseColumn(List<QuoteLine> lines) {
            return write(lines);
        }

        @Override
        public List<QuoteLine> convertToEntityAttribute(String json) {
            return read(json, TYPE);
        }
    }

    @Converter
    public static class Signals implements AttributeConverter<List<ApprovalSignal>, String> {

        private static final TypeReference<List<ApprovalSignal>> TYPE = new TypeReference<>() {};

        @Override
        public String convertToDatabaseColumn(List<ApprovalSignal> signals) {
            return write(signals);
        }

        @Override
        public List<ApprovalSignal> convertToEntityAttribute(String json) {
            return read(json, TYPE);
        }
    }

    @Converter
    public static class Tree implements AttributeConverter<JsonNode, String> {

        private static final TypeReference<JsonNode> TYPE = new TypeReference<>() {};

        @Override
        public String convertToDatabaseColumn(JsonNode node) {
            return write(node);
        }

        @Override
        public JsonNode convertToEntityAttribute(String json) {
            return read(json, TYPE);
        }
    }
}
