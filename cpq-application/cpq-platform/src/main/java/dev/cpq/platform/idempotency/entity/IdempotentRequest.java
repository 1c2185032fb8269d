package dev.cpq.platform.idempotency.entity;

import java.util.Objects;

/**
 * A command request as idempotency sees it: who (tenant), which command, the client's key, and the
 * fingerprint of the request (method, path, If-Match, canonical body) that a reused key must match. A key
 * is scoped by tenant within a service: the command is information (metrics), not part of the scope.
 */
public record IdempotentRequest(String tenant, String command, String key, String fingerprint) {

    public IdempotentRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (key == null || key.isBlank()) {
            throw new IdempotencyKeyRequiredException();
        }
        if (key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidIdempotencyKeyException();
        }
    }
}
