package dev.cpq.quote.expiry.entity;

/** A quote the sweep expired: whose, which, and its version before and after. */
public record ExpiredQuote(String tenantId, String quoteId, String fromStatus, long fromVersion, long toVersion) {}
