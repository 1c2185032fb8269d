package dev.cpq.tests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The suite as deployed by {@code deploy/cpq}: its base URL and an HTTP client that talks to it the way
 * the sales UI or a partner would. Nothing reachable means one clear failure naming the command.
 */
public final class DeployedSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private DeployedSuite() {}

    public static String baseUrl() {
        return setting("CPQ_BASE_URL").orElseThrow(() -> new IllegalStateException(
                "CPQ_BASE_URL is not set: these tests run against the deployed suite. Run `deploy/cpq test` "
                        + "(or `deploy/cpq up` and export CPQ_BASE_URL=http://127.0.0.1:18080)."));
    }

    /**
     * GlassFish's own HTTP listener, behind the edge ({@code CPQ_DIRECT_URL}; services call each other
     * there): the base URL when the suite runs without an edge.
     */
    public static String directUrl() {
        return setting("CPQ_DIRECT_URL").orElseGet(DeployedSuite::baseUrl);
    }

    public static Reply get(String path, String bearerToken) {
        return bearerToken == null ? plain("GET", path, null, List.of()) : plain("GET", path, null, List.of("Authorization", "Bearer " + bearerToken));
    }

    /**
     * Waits (bounded) until the catalog reports every dependency up again, e.g. after a test stopped
     * and restarted Redis: its circuit breaker lets a trial call through once its open period ends.
     */
    public static Reply awaitHealthy() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Reply last;
        do {
            last = get("/catalog/api/health", null);
            if (last.status() == 200) {
                return last;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the suite did not report healthy within 30 s: " + last.body());
    }

    /** A JSON request as a client sends it: bearer token, optional body and extra headers (name, value, ...). */
    public static Reply call(String method, String path, String bearerToken, String jsonBody, String... headers) {
        List<String> all = new ArrayList<>(headers.length + 4);
        if (jsonBody != null) {
            all.add("Content-Type");
            all.add("application/json");
        }
        if (bearerToken != null) {
            all.add("Authorization");
            all.add("Bearer " + bearerToken);
        }
        all.addAll(Arrays.asList(headers));
        return plain(method, path, jsonBody, all);
    }

    private static Reply plain(String method, String path, String body, List<String> headers) {
        try {
            return PlainHttp.exchange(method, URI.create(baseUrl() + path), body, headers);
        } catch (ConnectException e) {
            throw new IllegalStateException("Nothing answers at " + baseUrl() + ": start the suite with `deploy/cpq up`.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request built with {@code java.net.http} (for the tests that shape one themselves). */
    public static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers());
        } catch (ConnectException e) {
            throw new IllegalStateException("Nothing answers at " + baseUrl() + ": start the suite with `deploy/cpq up`.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getenv(name)).or(() -> Optional.ofNullable(System.getProperty(name)))
                .filter(v -> !v.isBlank());
    }

    /** One HTTP answer with its body parsed on demand. */
    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }
}
