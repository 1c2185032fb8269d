package dev.cpq.platform.idempotency.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.cache.freshness.CanonicalJsonHash;
import dev.cpq.platform.idempotency.control.IdempotentCommands;
import dev.cpq.platform.idempotency.entity.CommandResponse;
import dev.cpq.platform.idempotency.entity.IdempotentRequest;
import dev.cpq.platform.json.control.JsonDialect;
import dev.cpq.platform.problem.entity.Problem;
import dev.cpq.platform.security.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Supplier;

/**
 * What a command endpoint calls: derives the request fingerprint (method, path, canonical body), runs
 * the command through {@link IdempotentCommands}, and turns the outcome, original or replayed, into the
 * HTTP answer ({@code Idempotent-Replayed: true} on replays).
 */
@ApplicationScoped
public class IdempotentCommandResponses {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private IdempotentCommands commands;
    private TenantContext tenant;
    private HttpServletRequest http;
    private final ObjectMapper json = JsonDialect.strictMapper();

    protected IdempotentCommandResponses() {}

    @Inject
    public IdempotentCommandResponses(IdempotentCommands commands, TenantContext tenant, HttpServletRequest http) {
        this.commands = commands;
        this.tenant = tenant;
        this.http = http;
    }

    /**
     * @param command a stable name of the command ({@code catalog-version.create}), for metrics: keys are
     *                scoped by tenant, and the fingerprint (method, path, If-Match, body) tells commands apart
     * @param body    the request body as received (null when there is none)
     */
    public Response execute(String command, String idempotencyKey, String method, UriInfo uri, Object body, Supplier<CommandResponse> action) {
        // the same key with a new If-Match is a different request (422), not a replay of the old answer
        String ifMatch = http.getHeader("If-Match");
        String fingerprint = CanonicalJsonHash.of("req",
                json.valueToTree(new Fingerprinted(method, uri.getPath(), ifMatch == null ? "" : ifMatch.strip(), json.valueToTree(body))));
        var request = new IdempotentRequest(tenant.tenant().value(), command, idempotencyKey, fingerprint);
        IdempotentCommands.Outcome outcome = commands.execute(request, action);
        CommandResponse r = outcome.response();
        Response.ResponseBuilder response = Response.status(r.status())
                .type(r.status() >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .entity(r.body());
        if (r.location() != null) {
            response.location(URI.create(r.location()));
        }
        if (r.etag() != null) {
            response.header("ETag", r.etag());
        }
        if (outcome.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    private record Fingerprinted(String method, String path, String ifMatch, com.fasterxml.jackson.databind.JsonNode body) {}

    /** A 201 answer of a command that created something. */
    public CommandResponse created(Object body, URI location, long version) {
        return new CommandResponse(201, write(body), location.toString(), etag(version));
    }

    /** A 200 answer of a command that changed something. */
    public CommandResponse ok(Object body, long version) {
        return new CommandResponse(200, write(body), null, etag(version));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a command's answer must be JSON", e);
        }
    }
}
