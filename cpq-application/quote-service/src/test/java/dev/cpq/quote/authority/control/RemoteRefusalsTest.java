package dev.cpq.quote.authority.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cpq.platform.remote.control.ServiceClient;
import dev.cpq.platform.remote.control.TestServiceClients;
import dev.cpq.platform.command.control.OutsideTransaction;
import dev.cpq.platform.command.entity.TransientDependencyFailure;
import dev.cpq.platform.problem.entity.ProblemException;
import dev.cpq.quote.authority.entity.PriceListOffer;
import dev.cpq.platform.remote.entity.RemoteCallerRefusalException;
import dev.cpq.quote.authority.entity.PriceRequest;
import dev.cpq.platform.remote.entity.RemoteProblemException;
import dev.cpq.platform.remote.entity.RemoteServiceUnavailableException;
import dev.cpq.quote.authority.entity.ServiceLocations;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How quote answers its caller when pricing or catalog refuse: a deliberate 4xx of the owner (a problem
 * with a code) is a stable 4xx, never the retryable 503 it used to be; only silence, a 5xx or a 4xx that
 * is no answer of the owner's application is unavailability.
 */
class RemoteRefusalsTest {

    private HttpServer server;
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
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

    private ServiceLocations locations() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return ServiceLocations.of(base + "/catalog/api", base + "/pricing/api");
    }

    private RuntimeException priceRefusedWith(int answerStatus, String answerBody) {
        status = answerStatus;
        body = answerBody;
        PricingServiceClient pricing = new PricingServiceClient(locations(), TestServiceClients.forUser("Bearer abc", "req-1"));
        try {
            pricing.price(new PriceRequest("standard", 1, "ZZZ", "eu", "direct",
                    List.of(new PriceRequest.Line("fiber", Map.of(), 1, 12, BigDecimal.ONE))));
            throw new AssertionError("no refusal");
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void pricingRefusingTheQuotesInputIsAStable422NamingPricingsCodeAndViolationsNotA503() {
        RuntimeException refused = priceRefusedWith(400, "{\"code\":\"VALIDATION_FAILED\",\"status\":400,\"detail\":\"unknown ISO 4217 currency: ZZZ\","
                + "\"violations\":[{\"field\":\"currency\",\"message\":\"unknown ISO 4217 currency: ZZZ\"}]}");
        assertThat(refused).isInstanceOf(RemoteProblemException.class);
        var problem = ((ProblemException) refused).problem();
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getCode()).isEqualTo("PRICING_REQUEST_INVALID");
        assertThat(problem.getExtensions()).containsEntry("dependencyCode", "VALIDATION_FAILED").containsKey("violations");
        assertThat(((ProblemException) refused).headers()).doesNotContainKey("Retry-After");
    }

    @Test
    void aStateAPreconditionOrARuleKeepTheirStatusAndCodeAsTheCommandsAnswer() {
        for (int s : new int[] {409, 412, 422}) {
            RuntimeException refused = priceRefusedWith(s, "{\"code\":\"SOME_CODE\",\"status\":" + s + "}");
            assertThat(refused).isInstanceOf(RemoteProblemException.class);
            assertThat(((ProblemException) refused).problem().getStatus()).as("owner's " + s).isEqualTo(s);
            assertThat(((ProblemException) refused).problem().getCode()).isEqualTo("SOME_CODE");
        }
    }

    /** Not the command's final answer: the key is given back (as for an unavailability), the status and code are the owner's. */
    @Test
    void theCallersCredentialsRightsAndRateKeepTheirStatusAndCodeAndGiveTheKeyBack() {
        for (int s : new int[] {401, 403}) {
            RuntimeException refused = priceRefusedWith(s, "{\"code\":\"SOME_CODE\",\"status\":" + s + "}");
            assertThat(refused).isInstanceOf(RemoteCallerRefusalException.class).isInstanceOf(RemoteServiceUnavailableException.class);
            assertThat(((ProblemException) refused).problem().getStatus()).as("owner's " + s).isEqualTo(s);
            assertThat(((ProblemException) refused).problem().getCode()).isEqualTo("SOME_CODE");
        }
        RuntimeException limited = priceRefusedWith(429, "{\"code\":\"RATE_LIMITED\",\"status\":429,\"retryAfterSeconds\":7}");
        assertThat(limited).isInstanceOf(RemoteCallerRefusalException.class);
        assertThat(((ProblemException) limited).problem().getStatus()).isEqualTo(429);
        assertThat(((ProblemException) limited).problem().getCode()).isEqualTo("RATE_LIMITED");
        assertThat(((ProblemException) limited).headers()).containsEntry("Retry-After", "7");
        // a transient dependency failure leaves the remote reads as it is, and the pipeline gives its key back (IdempotentCommandsIT)
        assertThatThrownBy(() -> new OutsideTransaction().run(() -> {
            throw (RemoteCallerRefusalException) limited;
        })).isInstanceOfSatisfying(TransientDependencyFailure.class, t -> assertThat(t.problem().getStatus()).isEqualTo(429));
    }

    @Test
    void aMissingReferenceIs422AndNoCatalogPublishedIs409() {
        assertThat(((ProblemException) priceRefusedWith(404, "{\"code\":\"PRICE_LIST_NOT_FOUND\"}")).problem().getStatus()).isEqualTo(422);
        assertThat(((ProblemException) priceRefusedWith(404, "{\"code\":\"CATALOG_NOT_PUBLISHED\"}")).problem().getStatus()).isEqualTo(409);
    }

    @Test
    void silenceA5xxOrA4xxWithoutAProblemCodeIsUnavailability() {
        assertThat(priceRefusedWith(500, "{\"code\":\"INTERNAL_ERROR\"}")).isInstanceOf(RemoteServiceUnavailableException.class);
        assertThat(priceRefusedWith(503, "{\"code\":\"DATABASE_UNAVAILABLE\"}")).isInstanceOf(RemoteServiceUnavailableException.class);
        assertThat(priceRefusedWith(404, "<html>not found</html>")).isInstanceOf(RemoteServiceUnavailableException.class);
        assertThat(priceRefusedWith(400, "")).isInstanceOf(RemoteServiceUnavailableException.class);
    }

    @Test
    void aPriceListsScopesAreReadFromPricing() {
        status = 200;
        body = "{\"priceListId\":\"standard\",\"priceListVersion\":4,\"scopes\":[{\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\"}]}";
        PriceListOffer offer = new PriceListOfferClient(locations(), TestServiceClients.forUser("Bearer abc", "req-1")).offerOf("standard");
        assertThat(offer.priceListVersion()).isEqualTo(4);
        assertThat(offer.scopes()).containsExactly(new PriceListOffer.Scope("EUR", "eu", "direct"));

        body = "{\"priceListId\":\"standard\",\"scopes\":[]}";
        assertThatThrownBy(() -> new PriceListOfferClient(locations(), TestServiceClients.forUser("Bearer abc", "req-1")).offerOf("standard"))
                .isInstanceOf(RemoteServiceUnavailableException.class);
        status = 409;
        body = "{\"code\":\"PRICE_LIST_NOT_PUBLISHED\"}";
        assertThatThrownBy(() -> new PriceListOfferClient(locations(), TestServiceClients.forUser("Bearer abc", "req-1")).offerOf("standard"))
                .isInstanceOfSatisfying(RemoteProblemException.class, e -> assertThat(e.problem().getStatus()).isEqualTo(409));
    }

    /**
     * The container's own answers (the platform's generic codes: no such endpoint, method or media type) say
     * that quote and the owner disagree on the API, e.g. a pricing-service deployed without the endpoint a
     * newer quote calls: nothing the client could change in its quote helps, so it is no refusal of the
     * quote's content (a 422 stored as the key's answer for 25 h) but unavailability, the key given back.
     */
    @Test
    void anOwnerWithoutTheEndpointQuoteCallsIsUnavailabilityNotARefusalOfTheQuote() {
        assertThat(priceRefusedWith(404, "{\"code\":\"NOT_FOUND\",\"status\":404,\"detail\":\"No such resource.\"}"))
                .isExactlyInstanceOf(RemoteServiceUnavailableException.class);
        assertThat(priceRefusedWith(405, "{\"code\":\"METHOD_NOT_ALLOWED\",\"status\":405}")).isExactlyInstanceOf(RemoteServiceUnavailableException.class);
        assertThat(priceRefusedWith(406, "{\"code\":\"NOT_ACCEPTABLE\",\"status\":406}")).isExactlyInstanceOf(RemoteServiceUnavailableException.class);
        assertThat(priceRefusedWith(415, "{\"code\":\"UNSUPPORTED_MEDIA_TYPE\",\"status\":415}"))
                .isExactlyInstanceOf(RemoteServiceUnavailableException.class);
    }

    /** A 401 passed on to quote's caller is a 401 of quote's own: it says how to authenticate (RFC 9110), as quote's own 401 does. */
    @Test
    void anOwnersRejectionOfTheTokenIsA401ThatSaysHowToAuthenticate() {
        RuntimeException rejected = priceRefusedWith(401, "{\"code\":\"UNAUTHENTICATED\",\"status\":401,\"detail\":\"The bearer token was rejected\"}");
        assertThat(((ProblemException) rejected).problem().getStatus()).isEqualTo(401);
        assertThat(((ProblemException) rejected).headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"cpq\", error=\"invalid_token\"");
    }
}
