package dev.cpq.platform.security.boundary;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.InvalidTokenException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;

/**
 * Every endpoint needs a verified bearer token unless it is marked {@link PermitAll} (health,
 * metrics, API description). The token was verified by {@link BearerTokenAuthenticationMechanism};
 * this filter answers a request without one with a problem body, binds the caller's tenant to the
 * request, and installs the security context that role checks ({@code @RolesAllowed}) read.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerTokenAuthenticationFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest servletRequest;

    private TenantContext tenantContext;

    protected BearerTokenAuthenticationFilter() {}

    @Inject
    public BearerTokenAuthenticationFilter(TenantContext tenantContext) {
        this.tenantContext = tenantContext;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic()) {
            return;
        }
        if (!(servletRequest.getAttribute(BearerTokenAuthenticationMechanism.CALLER) instanceof Caller caller)) {
            if (servletRequest.getAttribute(BearerTokenAuthenticationMechanism.REJECTION) instanceof InvalidTokenException rejected) {
                throw rejected;
            }
            throw new InvalidTokenException("A bearer token is required.");
        }
        tenantContext.authenticate(caller);
        request.setProperty("cpq.tenant", caller.tenant().value());
        request.setProperty("cpq.caller", caller);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller, secure));
    }

    private boolean isPublic() {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        return (method != null && method.isAnnotationPresent(PermitAll.class))
                || (type != null && type.isAnnotationPresent(PermitAll.class));
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
