package dev.cpq.platform.cache.entity;

import dev.cpq.cache.key.VersionLine;
import java.util.Objects;
import java.util.OptionalLong;

/** A version line and the version its owner's database names active (empty: nothing published yet). */
public record AuthoritativeVersion(VersionLine line, OptionalLong databaseVersion) {

    public AuthoritativeVersion {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(databaseVersion, "databaseVersion");
    }
}
