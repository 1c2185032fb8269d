package dev.cpq.platform.observability.control;

import jakarta.enterprise.context.RequestScoped;

/** The id and idempotency key of the HTTP request being served, for audit entries and events. */
@RequestScoped
public class CurrentRequest {

    private String requestId;
    private String idempotencyKey;

    public void begin(String id, String key) {
        this.requestId = id;
        this.idempotencyKey = key;
    }

    public String requestId() {
        return requestId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
