package dev.cpq.platform.security.boundary;

import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.InvalidTokenException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import dev.cpq.platform.security.entity.Roles;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ExtendedUriInfo;

/**
 * Every endpoint needs a verified bearer token unless it is marked {@link PermitAll} (health,
 * metrics, API description). The token was verified by {@link BearerTokenServerAuthModule};
 * this filter answers a request without one with a problem body and installs the security context
 * that role checks ({@code @RolesAllowed}) read. It uses no injected request proxies: on a cached
 * read, those cost more than the read itself.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerTokenAuthenticationFilter implements ContainerRequestFilter {

    /** Whether a resource method is public, decided once per method (annotations do not change). */
    private final Map<Method, Boolean> publicMethods = new ConcurrentHashMap<>();
    /** Whether a resource method lets a SERVICE token through ({@link AcceptsServiceIdentity}), decided once per method. */
    private final Map<Method, Boolean> serviceMethods = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic(request)) {
            return;
        }
        // a servlet-hosted request's properties are its attributes: the mechanism left the caller there
        if (!(request.getProperty(BearerTokenServerAuthModule.CALLER) instanceof Caller caller)) {
            if (request.getProperty(BearerTokenServerAuthModule.REJECTION) instanceof InvalidTokenException rejected) {
                throw rejected;
            }
            throw new InvalidTokenException("A bearer token is required.");
        }
        if (caller.hasRole(Roles.SERVICE) && !acceptsService(request)) {
            throw new ForbiddenException("A service identity may not act as a user.");
        }
        request.setProperty("cpq.tenant", caller.tenant().value());
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller, secure));
    }

    private boolean isPublic(ContainerRequestContext request) {
        Method method = matched(request);
        return method != null && publicMethods.computeIfAbsent(method,
                m -> m.isAnnotationPresent(PermitAll.class) || m.getDeclaringClass().isAnnotationPresent(PermitAll.class));
    }

    private boolean acceptsService(ContainerRequestContext request) {
        Method method = matched(request);
        return method != null && serviceMethods.computeIfAbsent(method, m -> m.isAnnotationPresent(AcceptsServiceIdentity.class));
    }

    private static Method matched(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo uri) || uri.getMatchedResourceMethod() == null) {
            return null;
        }
        return uri.getMatchedResourceMethod().getInvocable().getDefinitionMethod();
    }

    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller::subject;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
