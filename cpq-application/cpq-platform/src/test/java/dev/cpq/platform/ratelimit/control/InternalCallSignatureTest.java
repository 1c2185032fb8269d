package dev.cpq.platform.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.config.control.ServiceConfiguration;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalCallSignatureTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final URI PRICE = URI.create("http://127.0.0.1:8080/pricing/api/price-calculations");

    private final InternalCallSignature signature = at(NOW);

    private static InternalCallSignature at(Instant instant) {
        return new InternalCallSignature(Optional.of(KEY), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aMarkVerifiesForItsRequestIdSubjectMethodAndPathOnly() {
        String mark = signature.sign("POST", PRICE, "req-1", "t-1", "agent-7").orElseThrow();
        assertThat(signature.verifies(mark, "POST", PRICE, "req-1", "t-1", "agent-7")).isTrue();
        assertThat(signature.verifies(mark, "POST", PRICE, "req-2", "t-1", "agent-7")).as("another request").isFalse();
        assertThat(signature.verifies(mark, "POST", PRICE, "req-1", "t-1", "agent-8")).as("another caller").isFalse();
        assertThat(signature.verifies(mark, "POST", PRICE, "req-1", "t-2", "agent-7")).as("the same subject in another tenant").isFalse();
        assertThat(signature.verifies(mark, "GET", PRICE, "req-1", "t-1", "agent-7")).as("another method").isFalse();
        assertThat(signature.verifies(mark, "POST", URI.create("http://127.0.0.1:8080/quote/api/quotes"), "req-1", "t-1", "agent-7"))
                .as("another path").isFalse();
        assertThat(signature.verifies(mark, "POST", URI.create(PRICE + "?x=1"), "req-1", "t-1", "agent-7")).as("another query").isFalse();
        assertThat(signature.verifies("not base64 !", "POST", PRICE, "req-1", "t-1", "agent-7")).isFalse();
        assertThat(signature.verifies("123.", "POST", PRICE, "req-1", "t-1", "agent-7")).isFalse();
        assertThat(signature.verifies(null, "POST", PRICE, "req-1", "t-1", "agent-7")).isFalse();
        assertThat(new InternalCallSignature(Optional.of("another key, another mark, 32 b".getBytes()), Clock.fixed(NOW, ZoneOffset.UTC))
                .verifies(mark, "POST", PRICE, "req-1", "t-1", "agent-7")).as("a mark made with another key").isFalse();
    }

    @Test
    void aMarkIsHonouredOnlyWithinItsValidityClockSkewTolerated() {
        String mark = signature.sign("POST", PRICE, "req-1", "t-1", "agent-7").orElseThrow();
        Duration validity = InternalCallSignature.VALIDITY;
        assertThat(at(NOW.plus(validity)).verifies(mark, "POST", PRICE, "req-1", "t-1", "agent-7")).as("at the end of its validity").isTrue();
        assertThat(at(NOW.minus(validity)).verifies(mark, "POST", PRICE, "req-1", "t-1", "agent-7")).as("a receiver's clock behind").isTrue();
        assertThat(at(NOW.plus(validity).plusSeconds(1)).verifies(mark, "POST", PRICE, "req-1", "t-1", "agent-7")).as("replayed later").isFalse();
        assertThat(at(NOW.minus(validity).minusSeconds(1)).verifies(mark, "POST", PRICE, "req-1", "t-1", "agent-7")).as("from the future")
                .isFalse();
        assertThat(validity).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aMarkWhoseTimestampWasEditedDoesNotVerify() {
        String mark = signature.sign("POST", PRICE, "req-1", "t-1", "agent-7").orElseThrow();
        String moved = (NOW.getEpochSecond() + 5) + mark.substring(mark.indexOf('.'));
        assertThat(at(NOW.plusSeconds(5)).verifies(moved, "POST", PRICE, "req-1", "t-1", "agent-7")).isFalse();
    }

    @Test
    void withoutAKeyNothingIsMarkedAndNothingVerifies() {
        InternalCallSignature none = new InternalCallSignature(Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(none.sign("POST", PRICE, "req-1", "t-1", "agent-7")).isEmpty();
        assertThat(none.verifies(signature.sign("POST", PRICE, "req-1", "t-1", "agent-7").orElseThrow(), "POST", PRICE, "req-1", "t-1", "agent-7"))
                .isFalse();
    }

    @Test
    void theKeyIsReadFromItsFileAsHexOfAtLeast32Bytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("internal-call.key");
        Files.writeString(file, "ab".repeat(32) + "\n");
        ServiceConfiguration configured = new ServiceConfiguration(Map.of(ServiceConfiguration.INTERNAL_CALL_KEY_FILE, file.toString())::get);
        InternalCallSignature fromFile = new InternalCallSignature(configured);
        assertThat(fromFile.verifies(fromFile.sign("GET", PRICE, "r", "t", "s").orElseThrow(), "GET", PRICE, "r", "t", "s")).isTrue();

        Files.writeString(file, "ab".repeat(8));
        assertThatThrownBy(() -> new InternalCallSignature(configured)).hasMessageContaining("at least 32 bytes");
    }
}
