package dev.cpq.platform.observability.control;

import jakarta.enterprise.context.ApplicationScoped;
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

    public String requestId() {
        return (String) request.getAttribute(ID);
    }

    public String idempotencyKey() {
        return (String) request.getAttribute(KEY);
    }
}
