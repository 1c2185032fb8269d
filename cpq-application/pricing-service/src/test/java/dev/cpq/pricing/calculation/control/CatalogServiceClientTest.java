package dev.cpq.pricing.calculation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cpq.pricing.calculation.entity.CatalogLocation;
import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.platform.remote.control.TestServiceClients;
import dev.cpq.platform.remote.entity.OutgoingCredentials;
import dev.cpq.platform.remote.entity.RemoteServiceUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog client against a local HTTP server standing in for catalog-service. */
class CatalogServiceClientTest {

    private HttpServer server;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile String body = "{\"catalogVersion\": 7, \"status\": \"PUBLISHED\", \"publishedAt\": \"2026-01-01T00:00:00Z\"}";
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/catalog/api/active-version", exchange -> {
            seen.put("path", exchange.getRequestURI().getPath());
            seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
            seen.put("internalCall", String.valueOf(exchange.getRequestHeaders().getFirst("X-Cpq-Internal-Call")));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CatalogServiceClient client(String baseUrl) {
        return new CatalogServiceClient(CatalogLocation.of(baseUrl), TestServiceClients.forUser("Bearer t", "req-1"));
    }

    private static OutgoingCredentials of(String authorization, String requestId) {
        return new OutgoingCredentials(authorization, requestId, "t1", "alice");
    }

    private CatalogServiceClient client() {
        return client("http://127.0.0.1:" + server.getAddress().getPort() + "/catalog/api/");
    }

    @Test
    void theActiveVersionIsReadWithTheCallersTokenAndRequestId() {
        assertThat(client().activeVersion(of("Bearer abc.def.ghi", "req-42"))).hasValue(7);
        assertThat(seen).containsEntry("path", "/catalog/api/active-version").containsEntry("authorization", "Bearer abc.def.ghi")
                .containsEntry("requestId", "req-42");
    }

    @Test
    void theCallIsMarkedAsMadeForTheRequestBeingServedWithItsMethodAndPath() {
        var signature = new InternalCallSignature(Optional.of(new byte[32]), Clock.systemUTC());
        CatalogServiceClient marking = new CatalogServiceClient(
                CatalogLocation.of("http://127.0.0.1:" + server.getAddress().getPort() + "/catalog/api/"),
                TestServiceClients.of(of("Bearer t", "req-5"), signature, new SimpleMeterRegistry()));
        assertThat(marking.activeVersion(of("Bearer t", "req-5"))).hasValue(7);
        assertThat(signature.verifies(seen.get("internalCall"), "GET", URI.create("http://x/catalog/api/active-version"), "req-5", "t1", "alice"))
                .as("marked for that call, request id, tenant and subject").isTrue();
        assertThat(client().activeVersion(of("Bearer t", "req-6"))).hasValue(7);
        assertThat(seen).as("no key, no mark").containsEntry("internalCall", "null");
    }

    @Test
    void nothingPublishedIsAnAnswerNotAFailure() {
        status = 409;
        body = "{\"code\": \"CATALOG_NOT_PUBLISHED\"}";
        assertThat(client().activeVersion(of("Bearer t", null))).isEmpty();
        status = 404;
        assertThat(client().activeVersion(of("Bearer t", null))).isEmpty();
    }

    @Test
    void anyOtherAnswerMeansTheCatalogIsUnavailable() {
        CatalogServiceClient client = client();
        assertThat(client.interpret(200, "{\"catalogVersion\": 3}")).isEqualTo(OptionalLong.of(3));
        for (Object[] answer : new Object[][] {{500, "{}"}, {401, "{}"}, {404, "{\"code\": \"NOT_FOUND\"}"}, {200, "not json"},
                {200, "{\"catalogVersion\": \"3\"}"}, {200, "{\"catalogVersion\": 0}"}, {200, "{}"}, {302, ""}}) {
            assertThatThrownBy(() -> client.interpret((Integer) answer[0], (String) answer[1])).as(answer[0] + " " + answer[1])
                    .isInstanceOfSatisfying(RemoteServiceUnavailableException.class, e -> {
                        assertThat(e.problem().getStatus()).isEqualTo(503);
                        assertThat(e.problem().getCode()).isEqualTo("CATALOG_UNAVAILABLE");
                    });
        }
    }

    @Test
    void anUnreachableCatalogIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> client("http://127.0.0.1:" + closedPort + "/catalog/api").activeVersion(of("Bearer t", null)))
                .isInstanceOf(RemoteServiceUnavailableException.class);
    }

    @Test
    void aSlowCatalogIsUnavailableAfterTwoSeconds() {
        delayMillis = 3_000;
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client().activeVersion(of("Bearer t", null))).isInstanceOf(RemoteServiceUnavailableException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(1_900L, 2_900L);
    }

    @Test
    void theCatalogLocationMustBeAnAbsoluteHttpUrl() {
        assertThat(CatalogLocation.of(null).activeVersion()).hasToString("http://127.0.0.1:18080/catalog/api/active-version");
        assertThat(CatalogLocation.of("https://catalog.example/catalog/api/").activeVersion())
                .hasToString("https://catalog.example/catalog/api/active-version");
        assertThatThrownBy(() -> CatalogLocation.of("catalog/api")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogLocation.of("ftp://x/catalog")).isInstanceOf(IllegalArgumentException.class);
    }
}
