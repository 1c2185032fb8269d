package dev.cpq.platform.openapi.boundary;

import dev.cpq.platform.config.entity.ServiceIdentity;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code GET /openapi.json}: the service's OpenAPI 3 document, generated from its JAX-RS resources and
 * their annotations (headers, statuses and problem codes of API.md), built once per deployment.
 */
@Path("openapi.json")
@ApplicationScoped
@PermitAll
public class OpenApiResource {

    @Context
    Application application;

    private ServiceIdentity identity;
    private volatile String document;

    protected OpenApiResource() {}

    @Inject
    public OpenApiResource(ServiceIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String openApi() throws Exception {
        String built = document;
        if (built == null) {
            built = Json.pretty(build());
            document = built;
        }
        return built;
    }

    private OpenAPI build() {
        OpenAPI base = new OpenAPI()
                .info(new Info().title(identity.name() + " service").version("0.1.0")
                        .description("CPQ/OMS " + identity.name() + " API. Errors are RFC 9457 problem details with a stable `code`."
                                + " Bearer tokens (RS256 JWT): `exp` and `nbf` are checked with at most 30 s of clock skew."
                                + " Request bodies are strict JSON (duplicate keys, trailing data and numbers whose exponent or scale"
                                + " exceeds 32 are 400 VALIDATION_FAILED); bodies over 1 MiB, declared or chunked, are 413."
                                + " An Idempotency-Key is the tenant's within this service: the same key with another method, path,"
                                + " If-Match or body is 422 IDEMPOTENCY_KEY_REUSED. If-Match takes strong ETags only (a weak one is 400)."))
                .addServersItem(new Server().url("/" + identity.name() + "/api"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        Set<Class<?>> resources = new HashSet<>();
        for (Class<?> c : application.getClasses()) {
            if (c.isAnnotationPresent(Path.class)) {
                resources.add(c);
            }
        }
        return new Reader(base).read(resources);
    }
}
