package dev.cpq.platform.remote.control;

import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.platform.remote.entity.OutgoingCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Platform clients for the tests of a service's remote adapters: a user's call, with or without a mark key. */
public final class TestServiceClients {

    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private TestServiceClients() {}

    /** Calls for {@code subject} of tenant {@code t1} with {@code authorization} and {@code requestId}, unmarked (no key). */
    public static ServiceClient forUser(String authorization, String requestId) {
        return of(new OutgoingCredentials(authorization, requestId, "t1", "alice"), new InternalCallSignature(Optional.empty(), Clock.systemUTC()),
                new SimpleMeterRegistry());
    }

    public static ServiceClient of(OutgoingCredentials credentials, InternalCallSignature signature, MeterRegistry registry) {
        return new ServiceClient(TIMEOUT, TIMEOUT, () -> credentials, signature, registry);
    }
}
