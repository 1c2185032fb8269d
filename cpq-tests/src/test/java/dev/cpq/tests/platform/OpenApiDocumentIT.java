package dev.cpq.tests.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployed catalog describes its API, including the contract's headers, statuses and codes. */
class OpenApiDocumentIT {

    @Test
    void theOpenApiDocumentDescribesCommandsWithTheirHeadersStatusesAndProblemCodes() {
        Reply doc = DeployedSuite.get("/catalog/api/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        JsonNode api = doc.json();
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");

        JsonNode open = api.at("/paths/~1catalog-versions/post");
        assertThat(parameterNames(open)).contains("Idempotency-Key");
        assertThat(open.get("responses").has("201")).isTrue();
        assertThat(open.at("/responses/422/description").asText()).contains("IDEMPOTENCY_KEY_REUSED");
        assertThat(open.at("/responses/409/description").asText()).contains("IDEMPOTENCY_REQUEST_IN_PROGRESS");

        JsonNode put = api.at("/paths/~1catalog-versions~1{version}~1offerings~1{offeringId}/put");
        assertThat(parameterNames(put)).contains("If-Match", "version", "offeringId");
        assertThat(put.at("/responses/412/description").asText()).contains("CATALOG_VERSION_CONFLICT");
        assertThat(put.at("/responses/428/description").asText()).contains("PRECONDITION_REQUIRED");

        assertThat(api.at("/paths/~1active-version/get").isMissingNode()).isFalse();
        assertThat(api.at("/paths/~1health/get").isMissingNode()).isFalse();
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(p -> names.add(p.get("name").asText()));
        return names;
    }
}
