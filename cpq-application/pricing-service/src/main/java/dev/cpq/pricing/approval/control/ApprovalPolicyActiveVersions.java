package dev.cpq.pricing.approval.control;

import dev.cpq.events.cache.ApprovalPolicyCacheKeys;
import dev.cpq.platform.cache.entity.ActiveVersionSource;
import dev.cpq.platform.cache.entity.AuthoritativeVersion;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.approval.entity.ApprovalPolicies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** For {@code GET /ops/cache/pointers}: the caller's tenant's current approval policy version. */
@ApplicationScoped
public class ApprovalPolicyActiveVersions implements ActiveVersionSource {

    private ApprovalPolicies policies;
    private TenantContext tenant;

    protected ApprovalPolicyActiveVersions() {}

    @Inject
    public ApprovalPolicyActiveVersions(ApprovalPolicies policies, TenantContext tenant) {
        this.policies = policies;
        this.tenant = tenant;
    }

    @Override
    public List<AuthoritativeVersion> activeVersions() {
        return List.of(new AuthoritativeVersion(ApprovalPolicyCacheKeys.line(tenant.tenant().value()), policies.currentVersion()));
    }
}
