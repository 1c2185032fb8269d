package dev.cpq.pricing.approval.entity;

import java.util.Optional;
import java.util.OptionalLong;

/** The approval policy versions of the current tenant. Implementations always scope by the caller's tenant. */
public interface ApprovalPolicies {

    /** The newest version, if the tenant has a policy. */
    Optional<ApprovalPolicy> current();

    OptionalLong currentVersion();

    /** When the version after {@code policyVersion} was made (empty while none is). */
    Optional<java.time.Instant> firstPublishedAfter(long policyVersion);

    Optional<ApprovalPolicy> byVersion(long policyVersion);

    /** Serializes policy changes of the tenant (held to the end of the transaction). */
    void lockChanges();

    /**
     * Stores a new version now.
     *
     * @throws ApprovalPolicyVersionTakenException when another writer stored that version first
     */
    void add(ApprovalPolicy policy);
}
