package dev.cpq.pricing.approval.control;

import dev.cpq.pricing.approval.entity.ApprovalPolicies;
import dev.cpq.pricing.approval.entity.ApprovalPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The current approval policy, from PostgreSQL. */
@ApplicationScoped
public class ApprovalPolicyQueries {

    private ApprovalPolicies policies;

    protected ApprovalPolicyQueries() {}

    @Inject
    public ApprovalPolicyQueries(ApprovalPolicies policies) {
        this.policies = policies;
    }

    /** Empty while the tenant has none (then every discount above 0 needs a SALES_MANAGER). */
    public Optional<ApprovalPolicy> current() {
        return policies.current();
    }

    /** When the first version newer than {@code policyVersion} was published (empty while none is). */
    public Optional<java.time.Instant> firstPublishedAfter(long policyVersion) {
        return policies.firstPublishedAfter(policyVersion);
    }
}
