package dev.cpq.catalog.core.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A family's rules are one value of the catalog version: stored as one JSON column. */
@Converter
public class ConfigurationRulesConverter implements AttributeConverter<List<ConfigurationRule>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ConfigurationRule>> TYPE = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(List<ConfigurationRule> rules) {
        try {
            return JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules are always writable", e);
        }
    }

    @Override
    public List<ConfigurationRule> convertToEntityAttribute(String json) {
        try {
            return JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable configuration rules in the catalog", e);
        }
    }
}
