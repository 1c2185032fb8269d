package dev.cpq.platform.messaging.boundary;

import dev.cpq.platform.messaging.control.MessagingRuntime;
import dev.cpq.platform.messaging.control.OutboxRedrive;
import dev.cpq.platform.messaging.entity.OutboxStatus;
import dev.cpq.platform.problem.entity.InvalidRequestException;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.platform.security.entity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** {@code /ops/outbox}: relay state for operators, and sending a FAILED event back to the relay. */
@Path("ops/outbox")
@ApplicationScoped
@RolesAllowed(Roles.OPERATOR)
public class OutboxOperationsResource {

    private MessagingRuntime runtime;
    private OutboxRedrive redrive;
    private TenantContext tenant;

    protected OutboxOperationsResource() {}

    @Inject
    public OutboxOperationsResource(MessagingRuntime runtime, OutboxRedrive redrive, TenantContext tenant) {
        this.runtime = runtime;
        this.redrive = redrive;
        this.tenant = tenant;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's tenant's pending, failed (listed, with errors) and blocked events, oldest pending age;"
            + " relay progress, consumer lag, health and the tenant's parked events")
    public OutboxStatus status() throws SQLException {
        return runtime.status(tenant.tenant().value());
    }

    @POST
    @Path("{eventId}/redrive")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A FAILED outbox event back to PENDING (audited)")
    @ApiResponse(responseCode = "200", description = "Pending again; the relay publishes it")
    @ApiResponse(responseCode = "404", description = "OUTBOX_EVENT_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "OUTBOX_EVENT_NOT_FAILED")
    public Response redrive(@PathParam("eventId") String eventId) {
        UUID id = eventId(eventId);
        redrive.redrive(id);
        return Response.ok(Map.of("eventId", id.toString(), "status", "PENDING")).build();
    }

    @POST
    @Path("{eventId}/skip")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A FAILED outbox event given up for good (audited): never published; its aggregate's later events go")
    @ApiResponse(responseCode = "200", description = "Skipped")
    @ApiResponse(responseCode = "404", description = "OUTBOX_EVENT_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "OUTBOX_EVENT_NOT_FAILED")
    public Response skip(@PathParam("eventId") String eventId) {
        UUID id = eventId(eventId);
        redrive.skip(id);
        return Response.ok(Map.of("eventId", id.toString(), "status", "SKIPPED")).build();
    }

    private static UUID eventId(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("eventId", "must be a UUID");
        }
    }
}
