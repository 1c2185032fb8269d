package dev.cpq.pricing.approval.entity;

import dev.cpq.platform.problem.entity.ResourceNotFoundException;

/** The approval thresholds are not visible to partners (API.md): they get the 404 of something that does not exist. */
public class ApprovalPolicyNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public ApprovalPolicyNotFoundException() {
        super("APPROVAL_POLICY_NOT_FOUND", "There is no approval policy to show.");
    }
}
