package dev.cpq.platform.observability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The id and idempotency key of the HTTP request being served, for audit entries and events. Kept on
 * the servlet request itself, so it ends with the request.
 */
@ApplicationScoped
public class CurrentRequest {

    /** Servlet request attributes, set by the request filter as the request arrives. */
    public static final String ID = CurrentRequest.class.getName() + ".id";
    public static final String KEY = CurrentRequest.class.getName() + ".idempotencyKey";

    private HttpServletRequest request;

    protected CurrentRequest() {}

    @Inject
    public CurrentRequest(HttpServletRequest request) {
        this.request = request;
    }

    /** The id of the request being served; null outside one (a schedule, a consumer). */
    public String requestId() {
        return attribute(ID);
    }

    public String idempotencyKey() {
        return attribute(KEY);
    }

    private String attribute(String name) {
        try {
            return (String) request.getAttribute(name);
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null; // no HTTP request on this thread: work a schedule or consumer does
        }
    }
}
