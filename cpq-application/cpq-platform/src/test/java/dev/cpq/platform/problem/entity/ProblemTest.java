package dev.cpq.platform.problem.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.platform.json.control.JsonDialect;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void serializesAsRfc9457BodyWithStableCodeAndFlattenedExtensions() throws Exception {
        Problem p = Problem.of("QUOTE_VERSION_CONFLICT", 412, "Version conflict", "The quote changed.")
                .with("expectedVersion", 3).with("currentVersion", 4).at("/quote/api/quotes/q1");
        JsonNode json = JsonDialect.strictMapper().readTree(JsonDialect.strictMapper().writeValueAsString(p));
        assertThat(json.get("type").asText()).isEqualTo("urn:cpq:problem:quote-version-conflict");
        assertThat(json.get("status").asInt()).isEqualTo(412);
        assertThat(json.get("code").asText()).isEqualTo("QUOTE_VERSION_CONFLICT");
        assertThat(json.get("expectedVersion").asInt()).isEqualTo(3);
        assertThat(json.get("currentVersion").asInt()).isEqualTo(4);
        assertThat(json.get("instance").asText()).isEqualTo("/quote/api/quotes/q1");
        assertThat(json.has("extensions")).isFalse();
    }

    @Test
    void codesAreUpperSnakeAndStatusesAreErrors() {
        assertThatThrownBy(() -> Problem.of("quoteConflict", 409, "t", "d")).hasMessageContaining("UPPER_SNAKE");
        assertThatThrownBy(() -> Problem.of("OK", 200, "t", "d")).hasMessageContaining("4xx or 5xx");
        assertThatThrownBy(() -> Problem.of("A_B", 400, "t", "d").with("code", "X")).hasMessageContaining("standard member");
    }
}
