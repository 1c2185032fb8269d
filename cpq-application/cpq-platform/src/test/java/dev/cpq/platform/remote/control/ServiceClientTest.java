package dev.cpq.platform.remote.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cpq.platform.ratelimit.control.InternalCallSignature;
import dev.cpq.platform.remote.entity.OutgoingCredentials;
import dev.cpq.platform.remote.entity.RemoteAnswer;
import dev.cpq.platform.remote.entity.RemoteCallerRefusalException;
import dev.cpq.platform.remote.entity.RemoteProblemException;
import dev.cpq.platform.remote.entity.RemoteServiceUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one client between services against a real HTTP peer the test runs (a JDK HttpServer). */
class ServiceClientTest {

    private static final Duration TIMEOUT = Duration.ofMillis(600);

    private HttpServer peer;
    /** What the peer saw of each call: method, path and query, Authorization, X-Request-Id, the mark. */
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{\"catalogVersion\": 3}";
    /** Released when the test ends: a peer that never answers until then. */
    private final CountDownLatch hang = new CountDownLatch(1);
    private volatile boolean hung;

    private final InternalCallSignature signature = new InternalCallSignature(Optional.of(new byte[32]), Clock.systemUTC());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() throws IOException {
        peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        peer.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        peer.createContext("/", exchange -> {
            URI uri = exchange.getRequestURI();
            seen.add(Map.of("method", exchange.getRequestMethod(), "target", uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "requestId", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")),
                    "mark", String.valueOf(exchange.getRequestHeaders().getFirst(InternalCallSignature.HEADER))));
            exchange.getRequestBody().readAllBytes();
            if (hung) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        peer.start();
    }

    @AfterEach
    void stop() {
        hang.countDown();
        peer.stop(0);
    }

    private ServiceClient client(OutgoingCredentials credentials) {
        return new ServiceClient(TIMEOUT, TIMEOUT, () -> credentials, signature, registry);
    }

    private ServiceClient userClient() {
        return client(new OutgoingCredentials("Bearer user.token", "req-1", "t1", "alice"));
    }

    private URI at(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + peer.getAddress().getPort() + pathAndQuery);
    }

    @Test
    void everyCallCarriesTheCallersTokenRequestIdAndAValidMarkForItsMethodPathTenantAndSubject() {
        ServiceClient client = userClient();
        client.get("catalog", at("/catalog/api/active-version?x=1"));
        client.post("pricing", at("/pricing/api/price-calculations"), Map.of("lines", List.of()));
        client.getAsync("pricing", at("/pricing/api/approval-policy")).join();

        assertThat(seen).hasSize(3).allSatisfy(call -> {
            assertThat(call).containsEntry("authorization", "Bearer user.token").containsEntry("requestId", "req-1");
            assertThat(signature.verifies(call.get("mark"), call.get("method"), URI.create("http://peer" + call.get("target")), "req-1", "t1", "alice"))
                    .as("the mark of %s %s", call.get("method"), call.get("target")).isTrue();
            assertThat(signature.verifies(call.get("mark"), call.get("method"), URI.create("http://peer" + call.get("target")), "req-1", "t2", "alice"))
                    .as("bound to the tenant").isFalse();
        });
    }

    @Test
    void aCallForNoUserRequestCarriesTheServiceTokenAndIsMarkedForTheService() {
        ServiceClient client = client(new OutgoingCredentials("Bearer service.token", "svc-1", "t1", "service:quote"));
        client.get("catalog", at("/catalog/api/catalog-versions"));
        assertThat(seen).singleElement().satisfies(call -> {
            assertThat(call).containsEntry("authorization", "Bearer service.token");
            assertThat(signature.verifies(call.get("mark"), "GET", URI.create("http://peer/catalog/api/catalog-versions"), "svc-1", "t1", "service:quote"))
                    .isTrue();
        });
    }

    @Test
    void aRefusedConnectionIsA503NamedAfterTheTargetWithRetryAfter() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ServiceClient client = userClient();
        assertThatThrownBy(() -> client.get("catalog", URI.create("http://127.0.0.1:" + closed + "/catalog/api/active-version")))
                .isInstanceOfSatisfying(RemoteServiceUnavailableException.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(503);
                    assertThat(e.problem().getCode()).isEqualTo("CATALOG_UNAVAILABLE");
                    assertThat(e.headers()).containsKey("Retry-After");
                });
        assertThat(registry.get("cpq.remote.calls").tags("service", "catalog", "outcome", "unavailable").timer().count()).isEqualTo(1);
    }

    @Test
    void aPeerThatNeverAnswersIsA503WithinTheReadTimeout() {
        hung = true;
        ServiceClient client = userClient();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.get("pricing", at("/pricing/api/approval-policy")))
                .isInstanceOfSatisfying(RemoteServiceUnavailableException.class, e -> {
                    assertThat(e.problem().getCode()).isEqualTo("PRICING_UNAVAILABLE");
                    assertThat(e.headers()).containsEntry("Retry-After", "2");
                });
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertThat(waited).as("bounded by the read timeout").isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + 1_500);
        assertThat(registry.get("cpq.remote.calls").tags("service", "pricing", "outcome", "unavailable").timer().count()).isEqualTo(1);
    }

    @Test
    void anOwnersServerErrorIsA503AndCountedAsAFailure() {
        status = 500;
        body = "{\"code\": \"INTERNAL_ERROR\"}";
        ServiceClient client = userClient();
        RemoteAnswer answer = client.get("catalog", at("/catalog/api/active-version"));
        assertThat(client.refusal("catalog", answer)).isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                e -> assertThat(e.problem().getStatus()).isEqualTo(503));
        assertThat(registry.get("cpq.remote.calls").tags("service", "catalog", "outcome", "failed").timer().count()).isEqualTo(1);
    }

    @Test
    void anOwnersDeliberate4xxIsAStable4xxOfTheCallerNeverA503() {
        ServiceClient client = userClient();
        status = 400;
        body = "{\"code\": \"VALIDATION_FAILED\", \"detail\": \"currency\", \"violations\": [{\"field\": \"currency\"}]}";
        RuntimeException invalid = client.refusal("pricing", client.post("pricing", at("/pricing/api/price-calculations"), Map.of()));
        assertThat(invalid).isInstanceOfSatisfying(RemoteProblemException.class, e -> {
            assertThat(e.problem().getStatus()).isEqualTo(422);
            assertThat(e.problem().getCode()).isEqualTo("PRICING_REQUEST_INVALID");
            assertThat(e.problem().getExtensions()).containsEntry("dependencyCode", "VALIDATION_FAILED");
        });
        status = 409;
        body = "{\"code\": \"CATALOG_VERSION_STALE\"}";
        assertThat(client.refusal("pricing", client.get("pricing", at("/x")))).isInstanceOfSatisfying(RemoteProblemException.class,
                e -> assertThat(e.problem().getStatus()).isEqualTo(409));
        status = 403;
        body = "{\"code\": \"FORBIDDEN\"}";
        assertThat(client.refusal("catalog", client.get("catalog", at("/x")))).isInstanceOfSatisfying(RemoteCallerRefusalException.class,
                e -> assertThat(e.problem().getStatus()).isEqualTo(403));
        status = 404;
        body = "{\"code\": \"NOT_FOUND\"}";
        assertThat(client.refusal("catalog", client.get("catalog", at("/x")))).as("the container's 404: a deployment skew, not a refusal")
                .isInstanceOfSatisfying(RemoteServiceUnavailableException.class, e -> assertThat(e.problem().getStatus()).isEqualTo(503));
        assertThat(registry.get("cpq.remote.calls").tags("service", "pricing", "outcome", "refused").timer().count()).isEqualTo(2);
    }
}
