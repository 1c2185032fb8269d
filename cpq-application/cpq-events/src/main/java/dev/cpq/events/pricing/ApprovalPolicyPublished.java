package dev.cpq.events.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.events.ContractEvent;
import dev.cpq.events.EventPayload;
import dev.cpq.events.PublishedEvent;
import dev.cpq.messaging.event.EventEnvelope;

/**
 * A new approval policy version became the tenant's current one (topic {@code cpq.approval-policy}).
 * Its version is the aggregate version, so consumers apply policy changes in order.
 */
public record ApprovalPolicyPublished(String tenantId, long newVersion, Long previousVersion) implements ContractEvent {

    public static final String TYPE = "ApprovalPolicyPublished";

    /** Policy versions are consecutive: the previous one is {@code newVersion - 1}, none for the first. */
    public static ApprovalPolicyPublished of(String tenantId, long newVersion) {
        return new ApprovalPolicyPublished(tenantId, newVersion, newVersion > 1 ? newVersion - 1 : null);
    }

    /** @throws IllegalArgumentException when the envelope is not a valid {@code ApprovalPolicyPublished} */
    public static ApprovalPolicyPublished from(EventEnvelope envelope) {
        EventPayload p = EventPayload.of(envelope, PublishedEvent.APPROVAL_POLICY_PUBLISHED);
        return new ApprovalPolicyPublished(envelope.tenantId(), p.version("newVersion"), p.versionOrNull("previousVersion"));
    }

    @Override
    public PublishedEvent kind() {
        return PublishedEvent.APPROVAL_POLICY_PUBLISHED;
    }

    @Override
    public String aggregateId() {
        return "approval-policy";
    }

    @Override
    public long aggregateVersion() {
        return newVersion;
    }

    @Override
    public JsonNode payload() {
        return EventPayload.putVersionOrNull(EventPayload.newPayload().put("newVersion", newVersion), "previousVersion", previousVersion);
    }
}
