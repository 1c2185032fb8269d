package dev.cpq.platform.publication.entity;

import java.util.Objects;

/**
 * How a versioned line names itself: in a 412 of If-Match ({@code CATALOG}: {@code CATALOG_VERSION_CONFLICT})
 * and as the aggregate type of its audit entries ({@code Catalog}).
 */
public record LineName(String precondition, String auditType) {

    public LineName {
        Objects.requireNonNull(precondition, "precondition");
        Objects.requireNonNull(auditType, "auditType");
    }
}
