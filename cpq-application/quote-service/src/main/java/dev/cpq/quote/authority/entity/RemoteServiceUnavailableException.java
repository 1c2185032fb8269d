package dev.cpq.quote.authority.entity;

import dev.cpq.platform.command.entity.TransientDependencyFailure;

/**
 * Catalog- or pricing-service gave no clear answer (unreachable, slower than 2 s, an unexpected answer):
 * 503 {@code CATALOG_UNAVAILABLE} / {@code PRICING_UNAVAILABLE}, the command's Idempotency-Key given back.
 * A quote is never decided on a guess.
 */
public class RemoteServiceUnavailableException extends TransientDependencyFailure {

    private static final long serialVersionUID = 1L;

    public RemoteServiceUnavailableException(String service, String detail, Throwable cause) {
        super(service, detail, cause);
    }
}
