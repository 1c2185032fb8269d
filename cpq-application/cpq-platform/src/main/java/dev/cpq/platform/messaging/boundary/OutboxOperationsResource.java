package dev.cpq.platform.messaging.boundary;

import dev.cpq.platform.messaging.control.MessagingRuntime;
import dev.cpq.platform.messaging.entity.OutboxStatus;
import dev.cpq.platform.security.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** {@code GET /ops/outbox}: pending, failed, oldest pending age, relay progress, consumer lag, parked events. */
@Path("ops/outbox")
@ApplicationScoped
@RolesAllowed(Roles.OPERATOR)
public class OutboxOperationsResource {

    private MessagingRuntime runtime;

    protected OutboxOperationsResource() {}

    @Inject
    public OutboxOperationsResource(MessagingRuntime runtime) {
        this.runtime = runtime;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public OutboxStatus status() throws SQLException {
        return runtime.status();
    }
}
