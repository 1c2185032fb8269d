package dev.cpq.platform.cache.boundary;

import dev.cpq.platform.cache.control.CacheOperations;
import dev.cpq.platform.cache.entity.PointerReport;
import dev.cpq.platform.security.entity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /ops/cache}: pointers against the database, and flushing one domain of the operator's tenant. */
@Path("ops/cache")
@ApplicationScoped
@RolesAllowed(Roles.OPERATOR)
public class CacheOperationsResource {

    private CacheOperations operations;

    protected CacheOperationsResource() {}

    @Inject
    public CacheOperationsResource(CacheOperations operations) {
        this.operations = operations;
    }

    public record FlushRequest(@NotBlank @Size(max = 40) String domain) {}

    public record Flushed(String domain, long keysRemoved) {}

    @GET
    @Path("pointers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per cache domain and version line: the Redis pointer against the database's active version")
    public List<PointerReport> pointers() {
        return operations.pointers();
    }

    @POST
    @Path("flush")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete one cache domain's keys of the caller's tenant (audited)")
    @ApiResponse(responseCode = "200", description = "Flushed; reads load from the database again")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (unknown domain)")
    @ApiResponse(responseCode = "503", description = "CACHE_UNAVAILABLE (Redis cannot be reached; retry)")
    public Flushed flush(@Valid @NotNull FlushRequest body) {
        return new Flushed(body.domain(), operations.flush(body.domain()));
    }
}
