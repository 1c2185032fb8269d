package dev.cpq.testing;

import com.tngtech.archunit.core.domain.JavaClass;

/**
 * A class that runs SQL without knowing the request's tenant, and why: it serves every tenant (a relay, a
 * consumer, a schedule: the tenant is a column of each row it handles) or it takes the tenant from a caller
 * that read it from the token. Declared in the module's architecture test, next to the rule it is an
 * exception to, so that every other query of a tenant's data is scoped by {@code TenantContext}.
 */
public record TenantWide(String className, String reason) {

    public TenantWide {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a class declared tenant-wide needs its reason: " + className);
        }
    }

    public static TenantWide of(Class<?> type, String reason) {
        return new TenantWide(type.getName(), reason);
    }

    /** The class itself or a class nested in it (a lambda's or an inner class's SQL is its owner's). */
    public boolean covers(JavaClass c) {
        return c.getName().equals(className) || c.getName().startsWith(className + "$");
    }
}
