package dev.cpq.platform.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.config.control.ServiceConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalCallSignatureTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    private final InternalCallSignature signature = new InternalCallSignature(Optional.of(KEY));

    @Test
    void aMarkVerifiesForItsRequestIdAndSubjectOnly() {
        String mark = signature.sign("req-1", "agent-7").orElseThrow();
        assertThat(signature.verifies(mark, "req-1", "agent-7")).isTrue();
        assertThat(signature.verifies(mark, "req-2", "agent-7")).as("another request").isFalse();
        assertThat(signature.verifies(mark, "req-1", "agent-8")).as("another caller").isFalse();
        assertThat(signature.verifies("not base64 !", "req-1", "agent-7")).isFalse();
        assertThat(signature.verifies(null, "req-1", "agent-7")).isFalse();
        assertThat(new InternalCallSignature(Optional.of("another key, another mark, 32 b".getBytes())).verifies(mark, "req-1", "agent-7"))
                .as("a mark made with another key").isFalse();
    }

    @Test
    void withoutAKeyNothingIsMarkedAndNothingVerifies() {
        InternalCallSignature none = new InternalCallSignature(Optional.empty());
        assertThat(none.sign("req-1", "agent-7")).isEmpty();
        assertThat(none.verifies(signature.sign("req-1", "agent-7").orElseThrow(), "req-1", "agent-7")).isFalse();
    }

    @Test
    void theKeyIsReadFromItsFileAsHexOfAtLeast32Bytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("internal-call.key");
        Files.writeString(file, "ab".repeat(32) + "\n");
        ServiceConfiguration configured = new ServiceConfiguration(Map.of(ServiceConfiguration.INTERNAL_CALL_KEY_FILE, file.toString())::get);
        InternalCallSignature fromFile = new InternalCallSignature(configured);
        assertThat(fromFile.verifies(fromFile.sign("r", "s").orElseThrow(), "r", "s")).isTrue();

        Files.writeString(file, "ab".repeat(8));
        assertThatThrownBy(() -> new InternalCallSignature(configured)).hasMessageContaining("at least 32 bytes");
    }
}
