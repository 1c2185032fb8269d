package dev.cpq.platform.cache.boundary;

import dev.cpq.platform.cache.control.CacheBypass;
import dev.cpq.platform.security.entity.Roles;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Marks an operator's {@code Cache-Control: no-cache} request as reading around the cache. */
@Provider
@Priority(Priorities.USER)
public class CacheBypassRequests implements ContainerRequestFilter {


    @Override
    public void filter(ContainerRequestContext request) {
        String cacheControl = request.getHeaderString(HttpHeaders.CACHE_CONTROL);
        if (cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache")
                && request.getSecurityContext() != null && request.getSecurityContext().isUserInRole(Roles.OPERATOR)) {
            request.setProperty(CacheBypass.MARK, Boolean.TRUE); // a servlet request attribute
        }
    }
}
