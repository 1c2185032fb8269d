package dev.cpq.platform.config.entity;

import java.util.Objects;

/**
 * Which service this WAR is. The name is also its PostgreSQL schema, its Flyway location
 * ({@code db/migration/<name>}) and its pool ({@code jdbc/<name>}). Each WAR produces exactly one.
 */
public record ServiceIdentity(String name) {

    public ServiceIdentity {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]{1,30}")) {
            throw new IllegalArgumentException("service names are lower-case identifiers: " + name);
        }
    }

    public String schema() {
        return name;
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + name;
    }
}
