package dev.cpq.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.RawHttp;
import dev.cpq.tests.support.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an attacker (or a careless partner integration) sends to the deployed suite: bodies that are not
 * quite JSON, numbers built to explode, bodies without a length. Every answer is a problem with a
 * stable code and nothing of the internals; none is a 500.
 */
class HostileInputIT {

    private static QuotingTenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = new QuotingTenant();
    }

    private static String calculation(String discount) {
        return "{\"catalogVersion\":" + tenant.catalogVersion + ",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"lines\":["
                + "{\"offeringId\":\"fiber-1g\",\"options\":{\"speed\":\"1G\",\"router\":\"pro\"},\"quantity\":2,\"termMonths\":24,"
                + "\"discountPercent\":" + discount + "}]}";
    }

    private static void assertValidationProblem(Reply reply, String what) {
        assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asText()).as(what).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aDecimalWithAnEnormousExponentIsRefusedAt400NamingTheFieldWithoutExpandingIt() {
        for (String number : new String[] {"1E-999999999", "1E-99999999", "1E+999999999", "5.0000000000000000000000000000000000000001"}) {
            Reply priced = DeployedSuite.call("POST", "/pricing/api/price-calculations", tenant.agent(), calculation(number));
            assertValidationProblem(priced, "pricing " + number);
            assertThat(priced.body().length()).as("a short answer").isLessThan(2_000);
            assertThat(priced.json().get("violations").get(0).get("field").asText()).isEqualTo("lines[0].discountPercent");

            Reply lines = DeployedSuite.call("PUT", "/quote/api/quotes/" + tenant.newQuote().id() + "/lines", tenant.agent(),
                    "{\"lines\":[{\"offeringId\":\"fiber-1g\",\"options\":{},\"quantity\":1,\"termMonths\":12,\"discountPercent\":" + number + "}]}",
                    "If-Match", "\"1\"");
            assertValidationProblem(lines, "quote " + number);
            assertThat(lines.body().length()).isLessThan(2_000);
        }
    }

    @Test
    void duplicateKeysAndTrailingDataAreRefusedByEveryService() {
        String admin = TestTokens.token(tenant.tenant, "CATALOG_ADMIN");
        Map<String, String[]> bodies = new LinkedHashMap<>();
        bodies.put("catalog", new String[] {"POST", "/catalog/api/configurations/validate", tenant.agent(),
            "{\"offeringId\":\"fiber-1g\",\"offeringId\":\"fiber-1g\",\"options\":{}}",
            "{\"offeringId\":\"fiber-1g\",\"options\":{}} {\"more\":1}"});
        bodies.put("catalog (admin)", new String[] {"POST", "/catalog/api/catalog-versions", admin,
            "{\"description\":\"a\",\"description\":\"b\"}", "{} []"});
        bodies.put("pricing", new String[] {"POST", "/pricing/api/price-calculations", tenant.agent(),
            calculation("5").replace("\"quantity\":2,", "\"quantity\":2,\"quantity\":3,"), calculation("5") + " x"});
        bodies.put("quote", new String[] {"POST", "/quote/api/quotes", tenant.agent(),
            "{\"customerId\":\"c-1\",\"currency\":\"EUR\",\"currency\":\"USD\",\"market\":\"eu\",\"channel\":\"direct\",\"priceListId\":\"standard\"}",
            "{\"customerId\":\"c-1\",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\",\"priceListId\":\"standard\"}{}"});
        for (var e : bodies.entrySet()) {
            String[] b = e.getValue();
            Reply duplicate = DeployedSuite.call(b[0], b[1], b[2], b[3], "Idempotency-Key", "dup-" + UUID.randomUUID());
            assertValidationProblem(duplicate, e.getKey() + " duplicate key");
            assertThat(duplicate.json().get("detail").asText()).as(e.getKey()).contains("duplicate field");
            Reply trailing = DeployedSuite.call(b[0], b[1], b[2], b[4], "Idempotency-Key", "trail-" + UUID.randomUUID());
            assertValidationProblem(trailing, e.getKey() + " trailing data");
        }
    }

    @Test
    void aProblemAboutABadBodyNamesTheFieldAndTheReasonButNoJavaType() {
        String[] bodies = {
            calculation("5").replace("\"discountPercent\":5", "\"discountPercent\":5,\"discountPercent\":6"),
            calculation("\"ten\""),
            calculation("5").replace("\"quantity\":2", "\"quantity\":\"two\""),
            calculation("5").replace("\"currency\":\"EUR\"", "\"currency\":[1]"),
            calculation("5").replace("\"lines\":[", "\"lines\":{\"x\":[").replace("]}", "]}}"),
            calculation("5").replace("\"quantity\":2", "\"quantity\":2,\"colour\":\"red\"")};
        for (String body : bodies) {
            Reply reply = DeployedSuite.call("POST", "/pricing/api/price-calculations", tenant.agent(), body);
            assertValidationProblem(reply, body);
            assertThat(reply.body()).as(body).doesNotContain("dev.cpq", "java.", "`", "creator", "Jackson", "com.fasterxml");
            assertThat(reply.json().get("violations").get(0).get("field").asText()).as(body).isNotBlank();
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413WhileItIsRead() {
        // whitespace is valid JSON and the parser skips it without limit: only the stream's bound stops it
        InputStream body = new SequenceInputStream(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    private long left = 3L * 1024 * 1024;

                    @Override
                    public int read() {
                        return left-- > 0 ? ' ' : (left == -1 ? '}' : -1);
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        int n = 0;
                        while (n < len) {
                            int c = read();
                            if (c < 0) {
                                return n == 0 ? -1 : n;
                            }
                            b[off + n++] = (byte) c;
                        }
                        return n;
                    }
                });
        Reply reply = DeployedSuite.send(HttpRequest.newBuilder(URI.create(DeployedSuite.baseUrl() + "/quote/api/quotes"))
                .header("Authorization", "Bearer " + tenant.agent()).header("Content-Type", "application/json")
                .header("Idempotency-Key", "chunked-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build());
        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    /** An error answer as the API promises it: a problem of its own status with a stable code, naming no server. */
    private static void assertProblem(RawHttp.Answer answer, int status, String code, String what) {
        assertThat(answer.status()).as(what + ": " + answer.statusLine() + " " + answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(what + " content type").startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).as(what).isEqualTo(status);
        assertThat(answer.json().get("code").asText()).as(what).isEqualTo(code);
        assertNamesNoServer(answer, what);
    }

    private static void assertNamesNoServer(RawHttp.Answer answer, String what) {
        assertThat(answer.header("Server")).as(what + " Server header").isEmpty();
        assertThat(answer.header("X-Powered-By")).as(what + " X-Powered-By header").isEmpty();
        assertThat(answer.body().toLowerCase(java.util.Locale.ROOT)).as(what).doesNotContain("glassfish", "haproxy", "grizzly", "7.0.", "2.6.");
    }

    @Test
    void aNullByteInThePathIsAProblemNotAnEmptyPage() {
        // GlassFish refuses %00 while it normalizes the URI, before any application: a 400 with an empty body
        assertProblem(RawHttp.exchange(RawHttp.get("/quote/api/quotes/%00", "Authorization: Bearer " + tenant.agent())), 400, "MALFORMED_URI", "%00");
        assertProblem(RawHttp.exchange(RawHttp.get("/quote/api/quotes/a%1fb")), 400, "MALFORMED_URI", "%1f");
    }

    @Test
    void anIncompletePercentEscapeIsAProblemNotAnEmpty200() {
        // GlassFish's URI decoding answered an empty 200 to any method for these
        for (String target : new String[] {"/quote/api/quotes/%zz", "/quote/api/quotes/%4", "/quote/api/quotes/%", "/quote/api/quotes?status=%zz"}) {
            assertProblem(RawHttp.exchange(RawHttp.get(target, "Authorization: Bearer " + tenant.agent())), 400, "MALFORMED_URI", target);
        }
        assertProblem(RawHttp.exchange("DELETE /quote/api/quotes/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "MALFORMED_URI", "DELETE %zz");
    }

    @Test
    void aPathThatIsNoUtf8IsAProblem() {
        assertProblem(RawHttp.exchange(RawHttp.get("/quote/api/quotes/%ff", "Authorization: Bearer " + tenant.agent())), 400, "MALFORMED_URI", "%ff");
        assertProblem(RawHttp.exchange(RawHttp.get("/quote/api/quotes/%c3")), 400, "MALFORMED_URI", "a lone lead byte");
    }

    @Test
    void anEncodedSlashThatClimbsOutOfTheApiIsAProblemNotGlassFishsHtmlPage() {
        for (String target : new String[] {"/quote/api/quotes/..%2F..%2Fquotes", "/quote/api/quotes/..%2f..%2f..%2fcatalog", "/quote/api/quotes/..%5Cx"}) {
            assertProblem(RawHttp.exchange(RawHttp.get(target, "Authorization: Bearer " + tenant.agent())), 400, "MALFORMED_URI", target);
        }
    }

    @Test
    void unknownPathsAndAServiceWithoutItsSlashAreNotFoundProblems() {
        for (String target : new String[] {"/nothing/here", "/quote", "/quote/", "/quote/nothing", "/quote/api/nothing", "/", "/asadmin"}) {
            assertProblem(RawHttp.exchange(RawHttp.get(target, "Authorization: Bearer " + tenant.agent())), 404, "NOT_FOUND", target);
        }
    }

    @Test
    void aHeaderSectionAboveGlassFishsCapIsAProblemNotABare400() {
        // 160 KiB is GlassFish's cap (GF_MAX_HEADER_BYTES): above it Grizzly answers a bare 400 before any
        // application runs; the edge answers the 400 problem instead, up to its own buffer (248 KiB)
        assertProblem(RawHttp.exchange(RawHttp.get("/catalog/api/active-version", "Authorization: Bearer " + "x".repeat(200 * 1024))),
                400, "BAD_REQUEST", "a 200 KiB header section");
        assertProblem(RawHttp.exchange(RawHttp.get("/catalog/api/active-version", "X-Padding: " + "x".repeat(170 * 1024),
                "Authorization: Bearer " + tenant.agent())), 400, "BAD_REQUEST", "170 KiB of another header");
    }

    @Test
    void aRequestLineTooLongIsAProblem() {
        RawHttp.Answer answer = RawHttp.exchange(RawHttp.get("/catalog/api/offerings/" + "a".repeat(200 * 1024), "Authorization: Bearer " + tenant.agent()));
        assertThat(answer.status()).as(answer.statusLine()).isIn(400, 414);
        assertProblem(answer, answer.status(), answer.status() == 414 ? "URI_TOO_LONG" : "BAD_REQUEST", "a 200 KiB request line");
    }

    @Test
    void aHeaderSectionAboveTheEdgesBufferIsRefusedWithoutNamingTheServer() {
        // HAProxy 2.6 answers what its parser refuses with its built-in page (docs/runbook.md, "The container edge")
        RawHttp.Answer answer = RawHttp.exchange(RawHttp.get("/catalog/api/active-version", "Authorization: Bearer " + "x".repeat(300 * 1024)));
        assertThat(answer.status()).as(answer.statusLine()).isEqualTo(400);
        assertNamesNoServer(answer, "a 300 KiB header section");
    }

    @Test
    void anHttp10RequestWithoutHostIsAnsweredAsAProblem() {
        RawHttp.Answer anonymous = RawHttp.exchange("GET /quote/api/quotes HTTP/1.0\r\n\r\n");
        assertProblem(anonymous, 401, "UNAUTHENTICATED", "HTTP/1.0 without Host or token");
        RawHttp.Answer unknown = RawHttp.exchange("GET /nothing HTTP/1.0\r\n\r\n");
        assertProblem(unknown, 404, "NOT_FOUND", "HTTP/1.0 without Host, unknown path");
    }

    @Test
    void aMalformedRequestOnAKeptAliveConnectionIsRefusedLikeTheFirst() {
        // the edge judges every request, not every connection: the second one on a connection gets the same answer
        try (RawHttp connection = RawHttp.open()) {
            RawHttp.Answer first = connection.send(RawHttp.get("/catalog/api/active-version", "Authorization: Bearer " + tenant.agent()));
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.header("Connection").orElse("")).as("kept alive").doesNotContainIgnoringCase("close");
            assertProblem(connection.send(RawHttp.get("/quote/api/quotes/%00", "Authorization: Bearer " + tenant.agent())), 400, "MALFORMED_URI",
                    "%00 as the second request");
            assertProblem(connection.send(RawHttp.get("/quote/api/quotes/%zz")), 400, "MALFORMED_URI", "%zz as the third request");
            RawHttp.Answer last = connection.send(RawHttp.get("/catalog/api/active-version", "Authorization: Bearer " + tenant.agent()));
            assertThat(last.status()).as("the connection still serves: " + last.body()).isEqualTo(200);
        }
    }

    @Test
    void noAnswerNamesTheServerNeitherAnApplicationsNorTheContainers() {
        for (String target : new String[] {"/catalog/api/active-version", "/quote/api/quotes/" + UUID.randomUUID(), "/nothing"}) {
            assertNamesNoServer(RawHttp.exchange(RawHttp.get(target, "Authorization: Bearer " + tenant.agent())), target);
        }
        assertNamesNoServer(RawHttp.exchange(RawHttp.get("/catalog/api/active-version")), "no token");
    }

    @Test
    void glassFishsOwnErrorPagesAreProblemsWhenItIsCalledDirectly() {
        // internal calls and diagnosis reach GlassFish's listener without the edge: its host-level pages were
        // problem bodies labelled text/html (a context root without its slash, /quote, stays GlassFish's 301)
        for (String target : new String[] {"/nothing/here", "/quote/nothing", "/quote/api/quotes/..%2F..%2Fquotes", "/"}) {
            RawHttp.Answer answer;
            try (RawHttp direct = RawHttp.open(DeployedSuite.directUrl())) {
                answer = direct.send(RawHttp.get(target, "Authorization: Bearer " + tenant.agent()));
            }
            assertThat(answer.status()).as(target + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.contentType()).as(target + " content type").startsWith("application/problem+json");
            assertThat(answer.json().get("status").asInt()).as(target).isEqualTo(answer.status());
            assertThat(answer.json().get("code").asText()).as(target).matches("[A-Z][A-Z0-9_]+");
            assertNamesNoServer(answer, target + " (direct)");
        }
    }

    @Test
    void aBearerTokenUpTo128KiBReachesTheApplicationAndGetsItsProblem() {
        // GF_MAX_HEADER_BYTES in deploy/lib/glassfish.sh (160 KiB of headers) and the edge's buffer (248 KiB)
        // both let it through
        for (int size : new int[] {9 * 1024, 100 * 1024, 128 * 1024}) {
            Reply reply = DeployedSuite.get("/catalog/api/active-version", "x".repeat(size));
            assertThat(reply.status()).as(size + " bytes").isEqualTo(401);
            assertThat(reply.contentType()).as(size + " bytes").startsWith("application/problem+json");
            assertThat(reply.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void neitherTheServerNorTheFrameworkNamesItselfAtTheRootOrInAnOptionsAnswer() {
        // GlassFish's docroot page ("GlassFish Server ... Server Running") answered GET / with 200
        Reply root = DeployedSuite.get("/", tenant.agent());
        assertThat(root.status()).as(root.body()).isEqualTo(404);
        assertThat(root.body()).doesNotContain("GlassFish", "glassfish");
        assertThat(root.json().get("code").asText()).isEqualTo("NOT_FOUND");
        // Jersey's WADL (application.wadl, and the body of every OPTIONS) named it and its version
        Reply wadl = DeployedSuite.get("/quote/api/application.wadl", tenant.agent());
        assertThat(wadl.status()).as(wadl.body()).isEqualTo(404);
        assertThat(wadl.contentType()).startsWith("application/problem+json");
        for (String service : new String[] {"catalog", "pricing", "quote"}) {
            Reply options = DeployedSuite.call("OPTIONS", "/" + service + "/api/health", tenant.agent(), null);
            assertThat(options.status()).as(service).isBetween(200, 204);
            assertThat(options.body()).as(service + " OPTIONS").doesNotContain("Jersey", "wadl");
        }
    }

    @Test
    void aTextWithAnUnpairedSurrogateIsRefusedNotStoredAsAQuestionMark() {
        // "pr\ud800o" was priced as "pr?o": two different requests, one stored text and one content address
        Reply escaped = DeployedSuite.call("POST", "/pricing/api/price-calculations", tenant.agent(),
                calculation("5").replace("\"router\":\"pro\"", "\"router\":\"pr\\ud800o\""));
        assertValidationProblem(escaped, "an escaped lone surrogate");
        assertThat(escaped.json().get("violations").get(0).get("field").asText()).isEqualTo("lines[0].options.router");
        Reply catalog = DeployedSuite.call("POST", "/catalog/api/configurations/validate", tenant.agent(),
                "{\"offeringId\":\"fiber-1g\",\"options\":{\"speed\":\"1G\",\"router\":\"pr\\udc00o\"}}");
        assertValidationProblem(catalog, "a lone low surrogate in a configuration");
        Reply paired = DeployedSuite.call("POST", "/pricing/api/price-calculations", tenant.agent(),
                calculation("5").replace("\"router\":\"pro\"", "\"router\":\"pro\\ud83d\\ude00\""));
        assertThat(paired.status()).as("a pair is a character: " + paired.body()).isNotEqualTo(400);
    }

    @Test
    void aBodyThatStopsArrivingIsRefusedWith408NotA500() throws Exception {
        // a declared length, one byte, then nothing: the HTTP layer's read timeout (30 s) ends the wait
        URI base = URI.create(DeployedSuite.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(90_000);
            socket.getOutputStream().write(("POST /quote/api/quotes HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + tenant.agent() + "\r\nContent-Type: application/json\r\n"
                    + "Idempotency-Key: stalled-" + UUID.randomUUID() + "\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(answer).startsWith("HTTP/1.1 408");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
            assertThat(answer).contains("\"code\":\"REQUEST_TIMEOUT\"");
        }
    }

    @Test
    void aClientThatHangsUpMidBodyIsLoggedAsRefusedInputNotAsAnIncident() throws Exception {
        // the client never reads the answer: what matters is what the suite records (it was a 500 incident)
        String log = System.getenv("CPQ_GLASSFISH_LOG");
        assertThat(log).as("CPQ_GLASSFISH_LOG (deploy/cpq test exports it)").isNotBlank();
        String key = "hung-up-" + UUID.randomUUID();
        URI base = URI.create(DeployedSuite.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("POST /quote/api/quotes HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + tenant.agent() + "\r\nContent-Type: application/json\r\n"
                    + "Idempotency-Key: " + key + "\r\nContent-Length: 1000\r\n\r\n{\"customerId\"").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
        String line = "";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (line.isEmpty() && System.nanoTime() < deadline) {
            line = java.nio.file.Files.readAllLines(java.nio.file.Path.of(log), StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> l.contains("idempotencyKey=" + key)).findFirst().orElse("");
            if (line.isEmpty()) {
                Thread.sleep(200); // polling the log file for the request's line, not waiting out a race
            }
        }
        assertThat(line).as("the request's log line").contains("status=400").contains("conflictCode=REQUEST_BODY_INCOMPLETE");
    }
}
