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
}
