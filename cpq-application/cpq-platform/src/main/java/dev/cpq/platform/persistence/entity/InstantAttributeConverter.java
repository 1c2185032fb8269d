package dev.cpq.platform.persistence.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps {@link Instant} to {@code timestamptz}. The EclipseLink that GlassFish 7.0.21 bundles (4.0.3)
 * would otherwise serialize an Instant to bytes. GlassFish runs with {@code -Duser.timezone=UTC}
 * so the JDBC timestamp carries no local-time surprises. List it in each persistence.xml.
 */
@Converter(autoApply = true)
public class InstantAttributeConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
