package dev.cpq.quote.expiry.boundary;

import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.expiry.control.QuoteExpirySweep;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code POST /ops/expiry-sweep}: runs now, for the caller's tenant only, what the schedule runs every
 * minute for every tenant (quotes past their validity become EXPIRED). Safe at any time: it only applies the validity rule, under the same row
 * locks as accept, so an accept racing it ends one way only.
 */
@Path("ops/expiry-sweep")
@ApplicationScoped
@RolesAllowed(Roles.OPERATOR)
public class ExpiryOperationsResource {

    private QuoteExpirySweep sweep;
    private TenantContext tenant;

    protected ExpiryOperationsResource() {}

    @Inject
    public ExpiryOperationsResource(QuoteExpirySweep sweep, TenantContext tenant) {
        this.sweep = sweep;
        this.tenant = tenant;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Expire the caller's tenant's quotes past their validity now (the schedule does it for every tenant every minute)")
    public Map<String, Integer> sweep() {
        return Map.of("expired", sweep.sweepTenant(tenant.tenant().value()));
    }
}
