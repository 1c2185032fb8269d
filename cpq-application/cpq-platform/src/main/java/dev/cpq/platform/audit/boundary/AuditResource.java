package dev.cpq.platform.audit.boundary;

import dev.cpq.platform.audit.control.AuditTrail;
import dev.cpq.platform.audit.entity.AuditEntry;
import dev.cpq.platform.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /ops/audit?aggregateId=}: the audit trail of one aggregate of the operator's tenant. */
@Path("ops/audit")
@ApplicationScoped
@RolesAllowed(Roles.OPERATOR)
public class AuditResource {

    private AuditTrail trail;

    protected AuditResource() {}

    @Inject
    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEntry> trail(@QueryParam("aggregateId") @NotBlank @Size(max = 200) String aggregateId) {
        return trail.of(aggregateId);
    }
}
