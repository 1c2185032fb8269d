package dev.cpq.quote.authority.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.platform.observability.control.CurrentRequest;
import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.platform.security.control.TenantContext;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.authority.entity.RemoteCallerRefusalException;
import dev.cpq.quote.authority.entity.RemoteProblemException;
import dev.cpq.quote.authority.entity.RemoteServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One JSON call to catalog- or pricing-service with the caller's own bearer token and request id
 * (quote holds no credentials; the other services scope their answers by the token's tenant and log the
 * same request id). HTTP/1.1 (GlassFish's listener speaks only that), bounded at 2 s; anything but a
 * clear answer is {@link RemoteServiceUnavailableException}, never a guess. Calls are asynchronous
 * underneath, so a command can ask both services at once.
 */
@ApplicationScoped
public class RemoteCalls {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "code", "instance");
    /**
     * The platform's codes for what the container refused before any resource ran (no such endpoint, method or
     * media type): quote and the owner disagree on the API (e.g. a deployment skew), nothing the caller decides.
     */
    private static final Set<String> CONTAINER_CODES = Set.of("NOT_FOUND", "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE", "UNSUPPORTED_MEDIA_TYPE");

    /** A clear answer: its status and JSON body (a missing node when there was none). */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status == 200 || status == 201;
        }

        public String code() {
            return body.path("code").asText("");
        }
    }

    private MeterRegistry registry;
    /** Time spent waiting for catalog and pricing ({@code cpq_remote_calls_seconds{service}}), one timer per service. */
    private final Map<String, Timer> waited = new ConcurrentHashMap<>();
    private Supplier<String> authorization;
    private Supplier<String> requestId;
    /** The mark of a call made on behalf of the request being served (not counted against the caller's limit again). */
    private CallMark mark;

    /** Marks one call: its method and target, for the request id being served. */
    @FunctionalInterface
    public interface CallMark {
        Optional<String> of(String method, URI target, String requestId);
    }
    private HttpClient http;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    protected RemoteCalls() {}

    @Inject
    public RemoteCalls(HttpServletRequest request, CurrentRequest current, TenantContext tenant, InternalCallSignature signature,
            MeterRegistry registry) {
        this(() -> request.getHeader("Authorization"), current::requestId,
                (method, target, id) -> signature.sign(method, target, id, tenant.caller().tenant().value(), tenant.caller().subject()), registry);
    }

    RemoteCalls(Supplier<String> authorization, Supplier<String> requestId) {
        this(authorization, requestId, (method, target, id) -> Optional.empty(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    RemoteCalls(Supplier<String> authorization, Supplier<String> requestId, CallMark mark, MeterRegistry registry) {
        this.registry = registry;
        this.authorization = authorization;
        this.requestId = requestId;
        this.mark = mark;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Answer get(String service, URI uri) {
        return Pending.of(getAsync(service, uri)).get();
    }

    public Answer post(String service, URI uri, Object body) {
        return Pending.of(postAsync(service, uri, body)).get();
    }

    /** Sends now and answers later; the caller's token and request id are taken on the calling (request) thread. */
    public CompletableFuture<Answer> getAsync(String service, URI uri) {
        return send(service, request("GET", uri).GET());
    }

    /** Sends now and answers later, like {@link #getAsync}. */
    public CompletableFuture<Answer> postAsync(String service, URI uri, Object body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body is always writable", e);
        }
        return send(service, request("POST", uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    /**
     * Any answer but the one expected. A 4xx with a problem code is the owner's deliberate refusal: a stable
     * 4xx for quote's caller ({@link RemoteProblemException}; of the caller itself, 401/403/429:
     * {@link RemoteCallerRefusalException}), never a 503 inviting retries that cannot succeed. A 5xx, or a 4xx without a problem code (not the owner's application answering: nothing deployed
     * at that path, a proxy) or with the container's generic code for a path, method or media type the owner
     * does not have, is unavailability: 503.
     */
    public RuntimeException refusal(String service, Answer answer) {
        String code = answer.code();
        boolean deliberate = answer.status() >= 400 && answer.status() < 500 && code.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")
                && !CONTAINER_CODES.contains(code);
        if (!deliberate) {
            return unavailable(service, "answered HTTP " + answer.status() + (code.isEmpty() ? "" : " " + code), null);
        }
        String detail = answer.body().path("detail").asText(service + "-service refused");
        if (answer.status() == 401 || answer.status() == 403 || answer.status() == 429) {
            JsonNode retryAfter = answer.body().path("retryAfterSeconds");
            return new RemoteCallerRefusalException(service, answer.status(), code, detail,
                    retryAfter.canConvertToLong() && retryAfter.asLong() > 0 ? Long.toString(Math.min(retryAfter.asLong(), 3600)) : null);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.body().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!STANDARD_MEMBERS.contains(member.getKey())) {
                extensions.put(member.getKey(), member.getValue());
            }
        }
        return new RemoteProblemException(service, answer.status(), code, detail, extensions);
    }

    public RemoteServiceUnavailableException unavailable(String service, String detail, Throwable cause) {
        return new RemoteServiceUnavailableException(service, detail, cause);
    }

    public ObjectMapper json() {
        return json;
    }

    private HttpRequest.Builder request(String method, URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        String token = authorization.get();
        if (token != null) {
            b.header("Authorization", token);
        }
        String id = requestId.get();
        if (id != null) {
            b.header("X-Request-Id", id);
            mark.of(method, uri, id).ifPresent(m -> b.header(InternalCallSignature.HEADER, m));
        }
        return b;
    }

    private CompletableFuture<Answer> send(String service, HttpRequest.Builder request) {
        long t0 = System.nanoTime();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            waited.computeIfAbsent(service, s -> registry.timer("cpq.remote.calls", "service", s)).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            if (failure != null) {
                throw unavailable(service, failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
            return new Answer(response.statusCode(), read(response.body()));
        });
    }

    private RemoteServiceUnavailableException unavailable(String service, Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return unavailable(service, "no answer within " + TIMEOUT.toMillis() + " ms", failure);
        }
        if (failure instanceof IOException) {
            return unavailable(service, "not reachable (" + failure.getClass().getSimpleName() + ")", failure);
        }
        return unavailable(service, "no answer (" + failure.getClass().getSimpleName() + ")", failure);
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }
}
