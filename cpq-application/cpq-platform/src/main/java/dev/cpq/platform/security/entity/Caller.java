package dev.cpq.platform.security.entity;

import java.util.Objects;
import java.util.Set;

/** Who is asking, for which tenant, with which roles: everything is taken from a verified token. */
public record Caller(String subject, TenantId tenant, Set<String> roles) {

    /** The servlet request attribute that holds the verified caller of a request. */
    public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenant, "tenant");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
