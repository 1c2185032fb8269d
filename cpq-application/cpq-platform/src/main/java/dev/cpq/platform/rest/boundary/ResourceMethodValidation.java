package dev.cpq.platform.rest.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.util.function.Predicate;

/**
 * Validates a REST request once. JAX-RS resources here are CDI beans, so a request's parameters were
 * checked twice: by Jersey (which turns violations into our 400 problem) and again by Hibernate
 * Validator's CDI method-validation interceptor wrapped around the same call. This extension runs after
 * Hibernate Validator's and takes its interceptor binding off resource classes only; Jersey's validation
 * stays, and so does method validation of every other bean.
 */
public class ResourceMethodValidation implements Extension {

    /** Hibernate Validator's interceptor binding (an internal type, hence matched by name). */
    static final String METHOD_VALIDATED = "org.hibernate.validator.cdi.internal.interceptor.MethodValidated";

    private static final Predicate<Annotation> BINDING = a -> a.annotationType().getName().equals(METHOD_VALIDATED);

    <T> void validateResourcesOnceInJersey(
            @Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) @WithAnnotations(Path.class) ProcessAnnotatedType<T> type) {
        if (!type.getAnnotatedType().isAnnotationPresent(Path.class)) {
            return;
        }
        var configurator = type.configureAnnotatedType();
        configurator.remove(BINDING);
        configurator.methods().forEach(m -> m.remove(BINDING));
        configurator.constructors().forEach(c -> c.remove(BINDING));
    }
}
