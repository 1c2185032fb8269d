package dev.cpq.pricing.calculation.control;

import dev.cpq.events.cache.ApprovalPolicyCacheKeys;
import dev.cpq.cache.key.VersionLine;
import dev.cpq.platform.cache.control.CachedReads;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.approval.entity.ApprovalPolicies;
import dev.cpq.pricing.approval.entity.ApprovalThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;

/** The current approval policy version and its thresholds, through the APPROVAL_POLICY cache. */
@ApplicationScoped
public class ApprovalThresholdReads {

    private CachedReads cachedReads;
    private ApprovalPolicies policies;
    private TenantContext tenant;

    protected ApprovalThresholdReads() {}

    @Inject
    public ApprovalThresholdReads(CachedReads cachedReads, ApprovalPolicies policies, TenantContext tenant) {
        this.cachedReads = cachedReads;
        this.policies = policies;
        this.tenant = tenant;
    }

    /** The tenant's policy pointer, for reading it together with other pointers. */
    public VersionLine line() {
        return ApprovalPolicyCacheKeys.line(tenant.tenant().value());
    }

    /** The current version in the database; 0 (no pointer set) while the tenant has no policy. */
    public LongSupplier authority() {
        return () -> policies.currentVersion().orElse(0);
    }

    public ApprovalThresholds thresholds(long policyVersion) {
        if (policyVersion == 0) {
            return ApprovalThresholds.none();
        }
        return cachedReads.projection(ApprovalPolicyCacheKeys.thresholds(tenant.tenant().value(), policyVersion), ApprovalThresholds.class,
                () -> ApprovalThresholds.of(policies.byVersion(policyVersion)
                        .orElseThrow(() -> new IllegalStateException("approval policy version " + policyVersion + " is named but not stored"))));
    }
}
