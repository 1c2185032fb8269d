package dev.cpq.pricing.approval.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cpq.messaging.event.DomainEvent;

/**
 * A new approval policy version became the tenant's current one (topic {@code cpq.approval-policy}).
 * Its version is the aggregate version, so consumers apply policy changes in order.
 */
public record ApprovalPolicyPublished(String tenantId, long newVersion, long previousVersion) implements DomainEvent {

    public static final String TYPE = "ApprovalPolicyPublished";

    public static ApprovalPolicyPublished of(ApprovalPolicy published) {
        return new ApprovalPolicyPublished(published.tenantId(), published.policyVersion(), published.policyVersion() - 1);
    }

    @Override
    public String aggregateType() {
        return "ApprovalPolicy";
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
    public String eventType() {
        return TYPE;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public JsonNode payload() {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("newVersion", newVersion);
        if (previousVersion == 0) {
            p.putNull("previousVersion");
        } else {
            p.put("previousVersion", previousVersion);
        }
        return p;
    }
}
