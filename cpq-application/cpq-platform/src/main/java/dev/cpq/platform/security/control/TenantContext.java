package dev.cpq.platform.security.control;

import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.InvalidTokenException;
import dev.cpq.platform.security.entity.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The verified caller of the current request. Repositories ask it for the tenant; nothing else may
 * supply one, so a request can never name the tenant it acts for. The caller is the one the
 * authentication mechanism verified and put on the servlet request (not in a request-scoped bean:
 * creating one per request cost more than the cached read it served), so it is gone with the request.
 */
@ApplicationScoped
public class TenantContext {

    private HttpServletRequest request;
    private CallerBinding binding;

    protected TenantContext() {}

    /**
     * @param request the container's proxy of the request being served
     * @param binding the caller bound to the serving thread (asked first: it costs no context lookup)
     */
    @Inject
    public TenantContext(HttpServletRequest request, CallerBinding binding) {
        this.request = request;
        this.binding = binding;
    }

    public Caller caller() {
        Caller bound = binding.current();
        if (bound != null) {
            return bound;
        }
        if (!(request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller)) {
            throw new InvalidTokenException("A bearer token is required.");
        }
        return caller;
    }

    public TenantId tenant() {
        return caller().tenant();
    }
}
