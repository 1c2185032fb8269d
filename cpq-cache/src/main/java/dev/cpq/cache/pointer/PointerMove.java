package dev.cpq.cache.pointer;

/**
 * The outcome of asking a pointer to move.
 *
 * @param moved   whether the pointer now names the proposed version
 * @param before  the version it named before (0 when it had none); when refused, the version it keeps
 */
public record PointerMove(boolean moved, long before) {}
