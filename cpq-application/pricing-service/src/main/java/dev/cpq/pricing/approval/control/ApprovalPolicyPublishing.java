package dev.cpq.pricing.approval.control;

import dev.cpq.messaging.outbox.Outbox;
import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditedChange;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.precondition.entity.PreconditionRequiredException;
import dev.cpq.platform.precondition.entity.VersionConflictException;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.approval.entity.ApprovalPolicies;
import dev.cpq.pricing.approval.entity.ApprovalPolicy;
import dev.cpq.events.pricing.ApprovalPolicyPublished;
import dev.cpq.pricing.approval.entity.ApprovalPolicyVersionTakenException;
import dev.cpq.pricing.approval.entity.ApprovalThreshold;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Replacing the tenant's approval policy: appends the next immutable version, made against the version
 * the admin saw (If-Match; optional only while there is no policy, where it may name version 0), and
 * announces it with {@code ApprovalPolicyPublished}, all in one transaction.
 */
@ApplicationScoped
public class ApprovalPolicyPublishing {

    public static final String REPLACE = "approval-policy.replace";
    static final String AGGREGATE = "APPROVAL_POLICY";

    private ApprovalPolicies policies;
    private Outbox outbox;
    private AuditTrail audit;
    private CurrentRequest request;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected ApprovalPolicyPublishing() {}

    @Inject
    public ApprovalPolicyPublishing(ApprovalPolicies policies, Outbox outbox, AuditTrail audit, CurrentRequest request, TenantContext tenant) {
        this.policies = policies;
        this.outbox = outbox;
        this.audit = audit;
        this.request = request;
        this.tenant = tenant;
    }

    /**
     * @param expected the If-Match version; empty only when the caller sent none
     * @throws IllegalArgumentException when the thresholds do not make a policy
     */
    @Transactional
    public ApprovalPolicy replace(Optional<ExpectedVersion> expected, List<ApprovalThreshold> thresholds) {
        policies.lockChanges();
        long current = policies.currentVersion().orElse(0);
        if (current > 0) {
            expected.orElseThrow(PreconditionRequiredException::new).check(AGGREGATE, current);
        } else {
            expected.ifPresent(e -> e.check(AGGREGATE, 0));
        }
        ApprovalPolicy next = ApprovalPolicy.following(current, tenant.tenant().value(), thresholds, tenant.caller().subject(), clock.instant());
        try {
            policies.add(next);
        } catch (ApprovalPolicyVersionTakenException e) {
            // the lock makes this unreachable between instances of this code; the unique version is the guard
            throw new VersionConflictException(AGGREGATE, expected.map(ExpectedVersion::value).orElse(null), null);
        }
        outbox.record(ApprovalPolicyPublished.of(next.tenantId(), next.policyVersion()), request.requestId());
        audit.succeeded(new AuditedChange("ApprovalPolicy", "approval-policy", REPLACE, null, null, current == 0 ? null : current,
                next.policyVersion()));
        return next;
    }
}
