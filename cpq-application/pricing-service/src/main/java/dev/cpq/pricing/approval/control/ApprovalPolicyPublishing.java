package dev.cpq.pricing.approval.control;

import dev.cpq.platform.precondition.entity.ExpectedVersion;
import dev.cpq.platform.publication.control.Publication;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.approval.entity.ApprovalPolicies;
import dev.cpq.pricing.approval.entity.ApprovalPolicy;
import dev.cpq.events.pricing.ApprovalPolicyPublished;
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

    private ApprovalPolicies policies;
    private Publication publication;
    private TenantContext tenant;
    private final Clock clock = Clock.systemUTC();

    protected ApprovalPolicyPublishing() {}

    @Inject
    public ApprovalPolicyPublishing(ApprovalPolicies policies, Publication publication, TenantContext tenant) {
        this.policies = policies;
        this.publication = publication;
        this.tenant = tenant;
    }

    /**
     * @param expected the If-Match version; empty only when the caller sent none
     * @throws IllegalArgumentException when the thresholds do not make a policy
     */
    @Transactional
    public ApprovalPolicy replace(Optional<ExpectedVersion> expected, List<ApprovalThreshold> thresholds) {
        return publication.append(policies, expected, REPLACE,
                current -> ApprovalPolicy.following(current, tenant.tenant().value(), thresholds, tenant.caller().subject(), clock.instant()),
                next -> ApprovalPolicyPublished.of(next.tenantId(), next.policyVersion()));
    }
}
