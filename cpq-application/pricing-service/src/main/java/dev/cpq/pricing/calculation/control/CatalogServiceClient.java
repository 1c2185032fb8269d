package dev.cpq.pricing.calculation.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.pricing.calculation.entity.CatalogLocation;
import dev.cpq.pricing.calculation.entity.CatalogUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Asks catalog-service which catalog version is active for the caller's tenant ({@code GET
 * /active-version}, answered from its database), with the caller's own bearer token: pricing holds no
 * credentials of its own, and the catalog scopes the answer by the token's tenant. The call is marked as
 * made on behalf of the request being served ({@link InternalCallSignature}), so catalog does not count
 * the caller twice against its rate limit. Bounded at 2 s; anything but a clear answer is
 * {@link CatalogUnavailableException}, never a guess.
 */
@ApplicationScoped
public class CatalogServiceClient {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private CatalogLocation location;
    private CallMark mark;
    private HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    protected CatalogServiceClient() {}

    /** Marks one call: its method and target, for the request id being served. */
    @FunctionalInterface
    public interface CallMark {
        Optional<String> of(String method, URI target, String requestId);
    }

    @Inject
    public CatalogServiceClient(CatalogLocation location, InternalCallSignature signature, TenantContext tenant) {
        this(location, (method, target, requestId) -> signature.sign(method, target, requestId, tenant.caller().tenant().value(), tenant.caller().subject()));
    }

    /** For tests: calls without a mark. */
    public CatalogServiceClient(CatalogLocation location) {
        this(location, (method, target, requestId) -> Optional.empty());
    }

    public CatalogServiceClient(CatalogLocation location, CallMark mark) {
        this.location = location;
        this.mark = mark;
        // HTTP/1.1: GlassFish's listener speaks it only (cleartext upgrades to HTTP/2 ended in errors)
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param authorization the caller's {@code Authorization} header, forwarded as is
     * @param requestId     the caller's request id, forwarded so both services log the same one
     * @return the active version; empty when the tenant has published none
     */
    public OptionalLong activeVersion(String authorization, String requestId) {
        HttpRequest.Builder get = HttpRequest.newBuilder(location.activeVersion()).timeout(TIMEOUT).header("Accept", "application/json").GET();
        if (authorization != null) {
            get.header("Authorization", authorization);
        }
        if (requestId != null) {
            get.header("X-Request-Id", requestId);
            mark.of("GET", location.activeVersion(), requestId).ifPresent(m -> get.header(InternalCallSignature.HEADER, m));
        }
        HttpResponse<String> response;
        try {
            response = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new CatalogUnavailableException("no answer within " + TIMEOUT.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new CatalogUnavailableException("not reachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("interrupted while waiting for the answer", e);
        }
        return interpret(response.statusCode(), response.body());
    }

    /** What an answer of {@code GET /active-version} means (package-private for tests). */
    OptionalLong interpret(int status, String body) {
        if (status == 200) {
            JsonNode version = read(body).path("catalogVersion");
            if (!version.canConvertToLong() || !version.isIntegralNumber() || version.asLong() < 1) {
                throw new CatalogUnavailableException("answered without a valid catalogVersion");
            }
            return OptionalLong.of(version.asLong());
        }
        // nothing published: 409 by contract; 404 CATALOG_NOT_PUBLISHED as catalog-service answers today
        if (status == 409 || status == 404 && "CATALOG_NOT_PUBLISHED".equals(read(body).path("code").asText())) {
            return OptionalLong.empty();
        }
        throw new CatalogUnavailableException("answered HTTP " + status);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }
}
