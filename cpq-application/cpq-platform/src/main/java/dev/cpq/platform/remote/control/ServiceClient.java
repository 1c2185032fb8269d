package dev.cpq.platform.remote.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.platform.config.control.ServiceConfiguration;
import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.platform.remote.entity.OutgoingCredentials;
import dev.cpq.platform.remote.entity.RemoteAnswer;
import dev.cpq.platform.remote.entity.RemoteCallerRefusalException;
import dev.cpq.platform.remote.entity.RemoteProblemException;
import dev.cpq.platform.remote.entity.RemoteServiceUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one client for calls between services. Every call carries the credentials of the work it is made for
 * ({@link CallCredentials}: the user's own bearer token, or the service's SERVICE token when no user request
 * is in scope), the request id both services log, and the internal-call mark ({@link InternalCallSignature},
 * {@code cpq-internal-call/3}) so the owner does not count the caller twice. Bounded by the connect and read
 * timeouts of {@link ServiceConfiguration}; HTTP/1.1 (GlassFish's listener speaks only that). Anything but a
 * clear answer is {@link RemoteServiceUnavailableException} (503 {@code <TARGET>_UNAVAILABLE}, Retry-After),
 * never a guess; an owner's deliberate 4xx is a stable 4xx of the caller ({@link #refusal}). Calls are
 * asynchronous underneath, so a command can ask two services at once. Per target it counts and times every
 * call by outcome ({@code cpq_remote_calls_seconds{service,outcome}}: answered, refused, failed, unavailable).
 */
@ApplicationScoped
public class ServiceClient {

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "code", "instance");
    /**
     * The platform's codes for what the container refused before any resource ran (no such endpoint, method or
     * media type): caller and owner disagree on the API (e.g. a deployment skew), nothing the caller decides.
     */
    private static final Set<String> CONTAINER_CODES = Set.of("NOT_FOUND", "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE", "UNSUPPORTED_MEDIA_TYPE");

    private MeterRegistry registry;
    /** One timer per target and outcome, looked up once. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private Supplier<OutgoingCredentials> credentials;
    private InternalCallSignature signature;
    private Duration readTimeout;
    private HttpClient http;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    protected ServiceClient() {}

    @Inject
    public ServiceClient(ServiceConfiguration configuration, CallCredentials credentials, InternalCallSignature signature, MeterRegistry registry) {
        this(configuration.remoteConnectTimeout(), configuration.remoteReadTimeout(), credentials, signature, registry);
    }

    /** For tests: the timeouts, where the credentials of each call come from, the mark's key and the registry. */
    public ServiceClient(Duration connectTimeout, Duration readTimeout, Supplier<OutgoingCredentials> credentials, InternalCallSignature signature,
            MeterRegistry registry) {
        this.registry = registry;
        this.credentials = credentials;
        this.signature = signature;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public RemoteAnswer get(String target, URI uri) {
        return join(getAsync(target, uri));
    }

    /** A GET with credentials taken earlier ({@link #credentialsNow()}), e.g. on the request thread before a lazy read. */
    public RemoteAnswer get(String target, URI uri, OutgoingCredentials from) {
        return join(send(target, request("GET", uri, from).GET()));
    }

    /** The credentials a call made now would carry. */
    public OutgoingCredentials credentialsNow() {
        return credentials.get();
    }

    public RemoteAnswer post(String target, URI uri, Object body) {
        return join(postAsync(target, uri, body));
    }

    /**
     * Sends now and answers later; the credentials are taken on the calling (request) thread.
     *
     * @param target the service asked ({@code catalog}, {@code pricing}, ...): it names the 503's code and the metrics
     */
    public CompletableFuture<RemoteAnswer> getAsync(String target, URI uri) {
        return send(target, request("GET", uri).GET());
    }

    /** Sends now and answers later, like {@link #getAsync}. */
    public CompletableFuture<RemoteAnswer> postAsync(String target, URI uri, Object body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body is always writable", e);
        }
        return send(target, request("POST", uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    /**
     * Any answer but the one expected. A 4xx with a problem code is the owner's deliberate refusal: a stable
     * 4xx for the caller ({@link RemoteProblemException}; of the caller itself, 401/403/429:
     * {@link RemoteCallerRefusalException}), never a 503 inviting retries that cannot succeed. A 5xx, or a 4xx
     * without a problem code (not the owner's application answering: nothing deployed at that path, a proxy)
     * or with the container's generic code for a path, method or media type the owner does not have, is
     * unavailability: 503.
     */
    public RuntimeException refusal(String target, RemoteAnswer answer) {
        String code = answer.code();
        boolean deliberate = answer.status() >= 400 && answer.status() < 500 && code.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")
                && !CONTAINER_CODES.contains(code);
        if (!deliberate) {
            return unavailable(target, "answered HTTP " + answer.status() + (code.isEmpty() ? "" : " " + code), null);
        }
        String detail = answer.body().path("detail").asText(target + "-service refused");
        if (answer.status() == 401 || answer.status() == 403 || answer.status() == 429) {
            JsonNode retryAfter = answer.body().path("retryAfterSeconds");
            return new RemoteCallerRefusalException(target, answer.status(), code, detail,
                    retryAfter.canConvertToLong() && retryAfter.asLong() > 0 ? Long.toString(Math.min(retryAfter.asLong(), 3600)) : null);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.body().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!STANDARD_MEMBERS.contains(member.getKey())) {
                extensions.put(member.getKey(), member.getValue());
            }
        }
        return new RemoteProblemException(target, answer.status(), code, detail, extensions);
    }

    public RemoteServiceUnavailableException unavailable(String target, String detail, Throwable cause) {
        return new RemoteServiceUnavailableException(target, detail, cause);
    }

    public ObjectMapper json() {
        return json;
    }

    private HttpRequest.Builder request(String method, URI uri) {
        return request(method, uri, credentials.get());
    }

    private HttpRequest.Builder request(String method, URI uri, OutgoingCredentials from) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "application/json");
        if (from.authorization() != null) {
            b.header("Authorization", from.authorization());
        }
        if (from.requestId() != null) {
            b.header("X-Request-Id", from.requestId());
            if (from.tenant() != null && from.subject() != null) {
                signature.sign(method, uri, from.requestId(), from.tenant(), from.subject()).ifPresent(m -> b.header(InternalCallSignature.HEADER, m));
            }
        }
        return b;
    }

    private CompletableFuture<RemoteAnswer> send(String target, HttpRequest.Builder request) {
        long t0 = System.nanoTime();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            String outcome = failure != null ? "unavailable" : response.statusCode() >= 500 ? "failed" : response.statusCode() >= 400 ? "refused" : "answered";
            timers.computeIfAbsent(target + "\n" + outcome, k -> registry.timer("cpq.remote.calls", "service", target, "outcome", outcome))
                    .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            if (failure != null) {
                throw unavailable(target, failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
            return new RemoteAnswer(response.statusCode(), read(response.body()));
        });
    }

    private RemoteServiceUnavailableException unavailable(String target, Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return unavailable(target, "no connection within the connect timeout", failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return unavailable(target, "no answer within " + readTimeout.toMillis() + " ms", failure);
        }
        if (failure instanceof IOException) {
            return unavailable(target, "not reachable (" + failure.getClass().getSimpleName() + ")", failure);
        }
        return unavailable(target, "no answer (" + failure.getClass().getSimpleName() + ")", failure);
    }

    /** Waits for the answer (bounded by the read timeout); a failure leaves as what it is, not wrapped. */
    private static RemoteAnswer join(CompletableFuture<RemoteAnswer> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }
}
