package dev.cpq.platform.remote.control;

import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.remote.entity.OutgoingCredentials;
import dev.cpq.platform.security.control.ServiceTokens;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The credentials of the call about to be made, taken on the calling thread: for a user's request, the
 * user's own bearer token (the services scope their answers by its tenant and check its roles again) and
 * request id; for work no user request carries (a schedule or consumer that bound a SERVICE caller), the
 * service's own SERVICE token for that tenant and a fresh request id.
 */
@ApplicationScoped
public class CallCredentials implements Supplier<OutgoingCredentials> {

    private TenantContext tenant;
    private HttpServletRequest request;
    private CurrentRequest current;
    private ServiceTokens serviceTokens;

    protected CallCredentials() {}

    @Inject
    public CallCredentials(TenantContext tenant, HttpServletRequest request, CurrentRequest current, ServiceTokens serviceTokens) {
        this.tenant = tenant;
        this.request = request;
        this.current = current;
        this.serviceTokens = serviceTokens;
    }

    @Override
    public OutgoingCredentials get() {
        Caller caller = tenant.caller();
        if (ServiceTokens.isService(caller)) {
            String requestId = current.requestId();
            return new OutgoingCredentials("Bearer " + serviceTokens.tokenFor(caller.tenant()),
                    requestId == null ? "svc-" + UUID.randomUUID() : requestId, caller.tenant().value(), caller.subject());
        }
        return new OutgoingCredentials(request.getHeader("Authorization"), current.requestId(), caller.tenant().value(), caller.subject());
    }
}
