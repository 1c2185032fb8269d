package dev.cpq.platform.json.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonDialectTest {

    record Line(String offeringId, int quantity, BigDecimal discountPercent) {}

    private final ObjectMapper json = JsonDialect.strictMapper();

    @Test
    void wellFormedInputIsRead() throws Exception {
        assertThat(json.readValue("{\"offeringId\":\"po-1\",\"quantity\":2,\"discountPercent\":12.50}", Line.class))
                .isEqualTo(new Line("po-1", 2, new BigDecimal("12.50")));
    }

    @Test
    void aSurrogatePairIsOneCharacterAndReadAsIs() throws Exception {
        assertThat(json.readValue("{\"offeringId\":\"po-\\ud83d\\ude00\",\"quantity\":2}", Line.class).offeringId())
                .isEqualTo("po-\uD83D\uDE00");
    }

    @Test
    void wrongTypesUnknownFieldsAndTrailingGarbageAreErrors() {
        for (String bad : new String[] {
            "{\"offeringId\":42,\"quantity\":2}",
            "{\"offeringId\":true,\"quantity\":2}",
            "{\"offeringId\":\"po-1\",\"quantity\":\"2\"}",
            "{\"offeringId\":\"po-1\",\"quantity\":2.5}",
            "{\"offeringId\":\"po-1\",\"quantity\":2,\"colour\":\"red\"}",
            "{\"offeringId\":\"po-1\",\"quantity\":2} {}",
            "{\"offeringId\":\"po-1\",\"quantity\":null}",
            "{\"offeringId\":\"po\\u00001\",\"quantity\":2}",
            "{\"offeringId\":\"po\\u00071\",\"quantity\":2}",
            "{\"offeringId\":\"po\\ud8001\",\"quantity\":2}",
            "{\"offeringId\":\"po\\udc00\\ud8001\",\"quantity\":2}",
            "{\"offeringId\":\"po-\\ud800\",\"quantity\":2}"}) {
            assertThatThrownBy(() -> json.readValue(bad, Line.class)).as(bad).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void aDuplicateKeyIsRefusedWhereverItAppears() {
        for (String bad : new String[] {
            "{\"offeringId\":\"po-1\",\"quantity\":2,\"quantity\":3}",
            "{\"offeringId\":\"po-1\",\"offeringId\":\"po-2\",\"quantity\":2}"}) {
            assertThatThrownBy(() -> json.readValue(bad, Line.class)).as(bad).isInstanceOf(JsonProcessingException.class)
                    .hasMessageContaining("Duplicate field");
        }
        assertThatThrownBy(() -> json.readValue("{\"a\":{\"b\":1,\"b\":2}}", java.util.Map.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aNumberWhoseExponentOrScaleIsUnboundedIsRefusedAtParseTime() {
        for (String bad : new String[] {"1E-999999999", "1E+999999999", "1e-99999999", "0.1E-40", "1E40"}) {
            String body = "{\"offeringId\":\"po-1\",\"quantity\":2,\"discountPercent\":" + bad + "}";
            assertThatThrownBy(() -> json.readValue(body, Line.class)).as(bad).isInstanceOf(JsonProcessingException.class)
                    .hasMessageNotContaining("0000000000");
        }
    }

    @Test
    void numbersWithinTheBoundsAreRead() throws Exception {
        assertThat(json.readValue("{\"offeringId\":\"po-1\",\"quantity\":2,\"discountPercent\":1.25E1}", Line.class).discountPercent())
                .isEqualByComparingTo("12.5");
        assertThat(json.readValue("{\"offeringId\":\"po-1\",\"quantity\":2,\"discountPercent\":1E+2}", Line.class).discountPercent())
                .isEqualByComparingTo("100");
    }
}
