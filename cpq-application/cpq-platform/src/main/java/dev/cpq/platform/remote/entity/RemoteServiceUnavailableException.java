package dev.cpq.platform.remote.entity;

import dev.cpq.platform.command.entity.TransientDependencyFailure;

/**
 * Another service gave no clear answer (refused connection, no answer within the configured timeouts, a
 * 5xx, an unexpected answer): 503 {@code <TARGET>_UNAVAILABLE} ({@code CATALOG_UNAVAILABLE},
 * {@code PRICING_UNAVAILABLE}...: the target's name decides) with Retry-After. Nothing is decided on a guess;
 * being a {@link TransientDependencyFailure}, it gives an idempotent command's key back.
 */
public class RemoteServiceUnavailableException extends TransientDependencyFailure {

    private static final long serialVersionUID = 1L;

    public RemoteServiceUnavailableException(String service, String detail, Throwable cause) {
        super(service, detail, cause);
    }

    /** The service that gave no clear answer ({@code catalog}, {@code pricing}, ...). */
    public String target() {
        return dependency();
    }
}
