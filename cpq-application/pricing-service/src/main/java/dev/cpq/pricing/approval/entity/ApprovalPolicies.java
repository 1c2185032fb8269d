package dev.cpq.pricing.approval.entity;

import dev.cpq.platform.publication.entity.AppendOnlyLine;
import dev.cpq.platform.publication.entity.LineName;
import java.util.Optional;
import java.util.OptionalLong;

/** The approval policy versions of the current tenant. Implementations always scope by the caller's tenant. */
public interface ApprovalPolicies extends AppendOnlyLine<ApprovalPolicy> {

    /** The newest version, if the tenant has a policy. */
    Optional<ApprovalPolicy> current();

    @Override
    OptionalLong currentVersion();

    /** When the version after {@code policyVersion} was made (empty while none is). */
    Optional<java.time.Instant> firstPublishedAfter(long policyVersion);

    Optional<ApprovalPolicy> byVersion(long policyVersion);

    @Override
    default long versionOf(ApprovalPolicy version) {
        return version.policyVersion();
    }

    @Override
    default LineName name() {
        return new LineName("APPROVAL_POLICY", "ApprovalPolicy");
    }

    /** The tenant has one policy: its versions share one id in the audit trail. */
    @Override
    default String auditId(ApprovalPolicy version) {
        return "approval-policy";
    }
}
