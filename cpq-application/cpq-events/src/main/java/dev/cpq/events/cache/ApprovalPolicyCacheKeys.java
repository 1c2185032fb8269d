package dev.cpq.events.cache;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.VersionLine;

/** Keys of the tenant's approval policy (discount thresholds by role), per policy version. */
public final class ApprovalPolicyCacheKeys {

    public static final int FORMAT = 1;

    private ApprovalPolicyCacheKeys() {}

    public static VersionLine line(String tenant) {
        return VersionLine.of(tenant, CacheDomain.APPROVAL_POLICY);
    }

    public static CacheKey thresholds(String tenant, long policyVersion) {
        return CacheKey.of(tenant, CacheDomain.APPROVAL_POLICY, line(tenant).versionPart(policyVersion), "policy", "approval", "thresholds",
                FORMAT);
    }
}
