package dev.cpq.pricing.approval.entity;

/** Another writer stored the same policy version first (the unique version per tenant refused ours). */
public class ApprovalPolicyVersionTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApprovalPolicyVersionTakenException(long version, Throwable cause) {
        super("approval policy version " + version + " was stored by someone else", cause);
    }
}
