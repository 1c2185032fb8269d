package dev.cpq.platform.remote.entity;

/**
 * Who a call to another service is made for: the {@code Authorization} header it carries (the user's own
 * token, or the service's SERVICE token when no user request is in scope), the request id both services
 * log, and the tenant and subject the internal-call mark binds.
 */
public record OutgoingCredentials(String authorization, String requestId, String tenant, String subject) {}
