package dev.cpq.platform.problem.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cpq.platform.json.control.JsonDialect;
import dev.cpq.platform.problem.entity.Problem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a client learns from a body Jackson could not read: field names and reasons, never our classes. */
class JsonInputExceptionMapperTest {

    enum Decision { APPROVED, REJECTED }

    record Line(String offeringId, int quantity, BigDecimal discountPercent, Decision decision) {}

    record Lines(List<Line> lines) {}

    private final ObjectMapper json = JsonDialect.strictMapper();
    private final JsonInputExceptionMapper mapper = new JsonInputExceptionMapper();

    @Test
    void aProblemAboutABadBodyNamesFieldsAndReasonsButNoJavaTypes() {
        for (String bad : new String[] {
            "{\"lines\":[{\"offeringId\":\"a\",\"quantity\":1,\"discountPercent\":1,\"discountPercent\":2}]}",
            "{\"lines\":[{\"offeringId\":\"a\",\"quantity\":\"x\"}]}",
            "{\"lines\":[{\"offeringId\":\"a\",\"quantity\":1.5}]}",
            "{\"lines\":[{\"offeringId\":\"a\",\"quantity\":null}]}",
            "{\"lines\":[{\"offeringId\":\"a\",\"colour\":1}]}",
            "{\"lines\":[{\"offeringId\":\"a\",\"decision\":\"MAYBE\"}]}",
            "{\"lines\":[{\"offeringId\":[1],\"quantity\":1}]}",
            "{\"lines\":{}}",
            "{\"lines\":[{\"offeringId\":\"a\",\"discountPercent\":\"ten\"}]}",
            "{\"lines\":[{\"offeringId\":\"a\",\"discountPercent\":1E-999999999}]}",
            "{\"lines\":[",
            "[]"}) {
            Problem problem = problemFor(bad);
            String told = problem.getDetail() + " " + problem.getExtensions();
            assertThat(told).as(bad).doesNotContain("dev.cpq", "java.", "`", "JsonInputExceptionMapperTest", "Line", "Decision");
            assertThat(problem.getCode()).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void theOffendingFieldIsNamed() {
        Problem problem = problemFor("{\"lines\":[{\"offeringId\":\"a\",\"quantity\":1,\"discountPercent\":1E-999999999}]}");
        @SuppressWarnings("unchecked")
        var violations = (List<Map<String, String>>) problem.getExtensions().get("violations");
        assertThat(violations.get(0).get("field")).isEqualTo("lines[0].discountPercent");
    }

    private Problem problemFor(String body) {
        try {
            json.readValue(body, Lines.class);
        } catch (JsonProcessingException e) {
            return (Problem) mapper.toResponse(e).getEntity();
        }
        return fail("expected %s to be refused", body);
    }
}
