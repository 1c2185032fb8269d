package dev.cpq.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.tests.support.DeployedSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The runbook finds a failed request in GlassFish's server.log by its request id; that only works if
 * the log is being written (it can stop after start-domain; `deploy/cpq up` checks and restarts).
 */
class ServerLogIT {

    @Test
    void aFailedRequestIsFoundInTheServerLogByItsRequestId() throws Exception {
        String log = System.getenv("CPQ_GLASSFISH_LOG");
        assertThat(log).as("CPQ_GLASSFISH_LOG (deploy/cpq test exports it)").isNotBlank();
        String requestId = "log-" + UUID.randomUUID();
        DeployedSuite.Reply reply = DeployedSuite.call("GET", "/catalog/api/no-such-resource", null, null, "X-Request-Id", requestId);
        assertThat(reply.status()).isEqualTo(404);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean found;
        do {
            found = new String(Files.readAllBytes(Path.of(log)), java.nio.charset.StandardCharsets.ISO_8859_1).contains("requestId=" + requestId);
            if (!found) {
                Thread.sleep(100); // the log handler writes asynchronously: poll, bounded
            }
        } while (!found && System.nanoTime() < deadline);
        assertThat(found).as("the request's line in " + log).isTrue();
    }

    /**
     * The edge checks GlassFish every 2 s; a check that reads the status and hangs up on a GET left a SEVERE
     * "Connection is closed" stack trace in server.log every few checks, burying real incidents. Over a window
     * of several checks, none may log an error.
     */
    @Test
    void theEdgesHealthChecksLeaveNoErrorInTheServerLog() throws Exception {
        Path log = Path.of(System.getenv("CPQ_GLASSFISH_LOG"));
        long from = Files.size(log);
        Thread.sleep(Duration.ofSeconds(12).toMillis()); // an observation window of six health checks, not a race
        byte[] all = Files.readAllBytes(log);
        String written = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(written).as("server.log while only the edge's health checks ran").doesNotContain("Connection is closed");
    }
}
