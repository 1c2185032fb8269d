package dev.cpq.platform.idempotency.entity;

/** What a command answered, as stored for replay: status, JSON body, and the headers that matter. */
public record CommandResponse(int status, String body, String location, String etag) {}
