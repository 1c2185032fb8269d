package dev.cpq.pricing.approval.control;

import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import dev.cpq.platform.security.entity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/**
 * Who may read the approval thresholds (the policy, and the limits in a price result's approval signals):
 * not partners (API.md), except quote-service asking on a partner's behalf while it prices or decides the
 * partner's submit or accept; that call bears the services' internal-call mark for this request id,
 * tenant and subject, which no partner can forge.
 */
@ApplicationScoped
public class ApprovalPolicyVisibility {

    private TenantContext tenant;
    private CurrentRequest request;
    private InternalCallSignature internalCalls;

    protected ApprovalPolicyVisibility() {}

    @Inject
    public ApprovalPolicyVisibility(TenantContext tenant, CurrentRequest request, InternalCallSignature internalCalls) {
        this.tenant = tenant;
        this.request = request;
        this.internalCalls = internalCalls;
    }

    /**
     * @param internalCallMark the {@link InternalCallSignature#HEADER} of the request, if any
     * @param method the request's method and {@code requestUri} its URI, which the mark is bound to
     */
    public boolean visible(String internalCallMark, String method, URI requestUri) {
        Caller caller = tenant.caller();
        if (!caller.hasRole(Roles.PARTNER)) {
            return true;
        }
        return internalCallMark != null && internalCalls.verifies(internalCallMark, method, requestUri, request.requestId(), caller.tenant().value(), caller.subject());
    }
}
