package dev.cpq.catalog.core.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** An offering's options are one value of the offering: stored as one JSON column. */
@Converter
public class OfferingOptionsConverter implements AttributeConverter<List<OfferingOption>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<OfferingOption>> TYPE = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(List<OfferingOption> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options are always writable", e);
        }
    }

    @Override
    public List<OfferingOption> convertToEntityAttribute(String json) {
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable options in the catalog", e);
        }
    }
}
