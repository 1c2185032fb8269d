package dev.cpq.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.SuiteMetrics;
import dev.cpq.tests.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The mark a service puts on a call it makes for a request it serves (not counted against the caller's
 * rate limit again) is good for that call only: its method and path, within 30 s. A mark seen once (a
 * log, a proxy) and replayed elsewhere or later is counted like any request. The test holds the
 * deployment's key ({@code CPQ_INTERNAL_CALL_KEY_FILE}) to make marks as a service would.
 */
class InternalCallMarkIT {

    private static final String INTERNAL_CALLS = "cpq_rate_limit_internal_calls_total";
    private static final String PATH = "/catalog/api/active-version";

    private final String tenant = TestTokens.uniqueTenant("marks");
    private final String subject = "same-name";
    private final String token = TestTokens.tokenOf(tenant, subject, "PARTNER");

    @Test
    void aMarkIsHonouredForItsOwnCallOnlyNotReplayedOnAnotherPathLaterOrInTheOldForm() throws Exception {
        String requestId = "mark-" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();

        assertThat(honoured(requestId, legacyMark(requestId))).as("a mark over request id and subject only (replayable forever)").isFalse();
        assertThat(honoured(requestId, mark("POST", "/pricing/api/price-calculations", now, requestId))).as("made for another call").isFalse();
        assertThat(honoured(requestId, mark("GET", PATH, now - 60, requestId))).as("replayed a minute later").isFalse();
        assertThat(honoured(requestId, mark("GET", PATH, now + 60, requestId))).as("dated a minute ahead").isFalse();
        assertThat(honoured(requestId, mark("GET", PATH, now, requestId))).as("the mark of this very call").isTrue();
    }

    @Test
    void aMarkMadeForASubjectOfAnotherTenantIsNotHonoured() throws Exception {
        // subjects are unique within a tenant only: the same sub in another tenant is another caller
        String requestId = "mark-" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        assertThat(honoured(requestId, markFor(TestTokens.uniqueTenant("elsewhere"), "GET", PATH, now, requestId)))
                .as("made for the same subject name in another tenant").isFalse();
        assertThat(honoured(requestId, mark("GET", PATH, now, requestId))).as("the mark of this very call").isTrue();
    }

    /** Whether catalog took the call as internal (not counted against the caller's limit). */
    private boolean honoured(String requestId, String mark) {
        double before = SuiteMetrics.sum("catalog", INTERNAL_CALLS);
        Reply reply = DeployedSuite.call("GET", PATH, token, null, "X-Request-Id", requestId, "X-Cpq-Internal-Call", mark);
        assertThat(reply.status()).isIn(200, 404, 409);
        return SuiteMetrics.sum("catalog", INTERNAL_CALLS) - before > 0;
    }

    private String mark(String method, String path, long epochSecond, String requestId) throws Exception {
        return markFor(tenant, method, path, epochSecond, requestId);
    }

    private String markFor(String markTenant, String method, String path, long epochSecond, String requestId) throws Exception {
        String signed = String.join("\n", "cpq-internal-call/3", method, path, Long.toString(epochSecond), requestId, markTenant, subject);
        return epochSecond + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(signed));
    }

    private String legacyMark(String requestId) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(requestId + "\n" + subject));
    }

    private static byte[] hmac(String text) throws Exception {
        String file = System.getenv("CPQ_INTERNAL_CALL_KEY_FILE");
        assertThat(file).as("CPQ_INTERNAL_CALL_KEY_FILE (deploy/cpq test exports it)").isNotBlank();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(Files.readString(Path.of(file)).trim()), "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
