package dev.cpq.messaging.invalidation;

import dev.cpq.cache.key.ApprovalPolicyCacheKeys;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.cache.pointer.ActiveVersionPointer;
import dev.cpq.messaging.event.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** {@code ApprovalPolicyPublished} moves the tenant's approval policy pointer to the new policy version. */
public final class ApprovalPolicyPublishedCacheInvalidator extends PublicationCacheInvalidator {

    public static final String EVENT_TYPE = "ApprovalPolicyPublished";

    public ApprovalPolicyPublishedCacheInvalidator(ActiveVersionPointer pointer, Clock clock, MeterRegistry registry) {
        super(EVENT_TYPE, "approval-policy", pointer, clock, registry);
    }

    @Override
    VersionLine line(EventEnvelope event) {
        return ApprovalPolicyCacheKeys.line(event.tenantId());
    }
}
