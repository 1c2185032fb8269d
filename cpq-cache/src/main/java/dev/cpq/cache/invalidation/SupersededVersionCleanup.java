package dev.cpq.cache.invalidation;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Removes payload keys of versions older than a pointer's previous version: the current and the
 * previous version stay (in-flight drafts and diagnostics may still read the previous one), older ones
 * go. Runs in the background in bounded batches; never on a request path.
 */
public final class SupersededVersionCleanup {

    private final ActiveVersionPointer pointer;
    private final CacheInvalidation invalidation;

    public SupersededVersionCleanup(ActiveVersionPointer pointer, CacheInvalidation invalidation) {
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.invalidation = Objects.requireNonNull(invalidation, "invalidation");
    }

    /** @return how many keys were removed (at most {@code maxKeys}) */
    public long sweep(VersionLine line, int batchSize, long maxKeys) {
        OptionalLong previous = pointer.previous(line);
        if (previous.isEmpty()) {
            return 0;
        }
        long keepFrom = previous.getAsLong();
        return invalidation.deleteMatching(line.payloadPattern(), batchSize, maxKeys,
                key -> versionPart(key).flatMap(line::sequenceOf).map(v -> v < keepFrom).orElse(false));
    }

    /**
     * Sweeps every version line of a domain that has a pointer, across tenants (pointers found by SCAN).
     * @return how many payload keys were removed in all
     */
    public long sweepDomain(CacheDomain domain, int batchSize, long maxKeysPerLine) {
        long removed = 0;
        for (VersionLine line : invalidation.pointerLines(domain, batchSize)) {
            removed += sweep(line, batchSize, maxKeysPerLine);
        }
        return removed;
    }

    /** {@code cpq:{tnt}:domain:VERSION:...}: the fourth part. */
    private static java.util.Optional<String> versionPart(String key) {
        String[] parts = key.split(":", 5);
        return parts.length >= 5 ? java.util.Optional.of(parts[3]) : java.util.Optional.empty();
    }
}
