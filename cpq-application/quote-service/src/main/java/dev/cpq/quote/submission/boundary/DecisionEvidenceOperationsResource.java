package dev.cpq.quote.submission.boundary;

import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.quote.submission.control.DecisionReconciling;
import dev.cpq.quote.submission.entity.SupersededDecision;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code /ops/superseded-decisions}: submits and accepts of the caller's tenant whose catalog, price list
 * or approval policy version had already been superseded by a publication when they were recorded (the
 * residual window of the post-lock re-check). {@code POST .../reconcile} asks the owners and records new
 * findings (audited, counted); {@code GET} lists what was found.
 */
@Path("ops/superseded-decisions")
@ApplicationScoped
@RolesAllowed(Roles.OPERATOR)
public class DecisionEvidenceOperationsResource {

    private DecisionReconciling reconciling;

    protected DecisionEvidenceOperationsResource() {}

    @Inject
    public DecisionEvidenceOperationsResource(DecisionReconciling reconciling) {
        this.reconciling = reconciling;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decisions found superseded by a publication made before they were recorded, newest first")
    public List<SupersededDecision> found(@QueryParam("limit") @DefaultValue("100") String limitText) {
        // read as text: a non-numeric limit is bad input (400), not the 404 JAX-RS gives unconvertible query parameters
        if (!limitText.matches("[0-9]{1,3}") || Integer.parseInt(limitText) < 1 || Integer.parseInt(limitText) > 500) {
            throw new InvalidRequestException("limit", "limit is a number from 1 to 500");
        }
        return reconciling.found(Integer.parseInt(limitText));
    }

    @POST
    @Path("reconcile")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compare the last 7 days' decision evidence with the owners' publication times; records and answers new findings")
    public Map<String, Object> reconcile() {
        List<SupersededDecision> found = reconciling.reconcile();
        return Map.of("found", found.size(), "decisions", found);
    }
}
