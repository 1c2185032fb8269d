package dev.cpq.cache.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CanonicalJsonHashTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void memberOrderAndNumberSpellingDoNotChangeTheHash() throws Exception {
        String a = CanonicalJsonHash.of("cfg", json.readTree("{\"offeringId\":\"po-1\",\"options\":{\"speed\":\"1G\",\"router\":\"yes\"},\"qty\":2.50}"));
        String b = CanonicalJsonHash.of("cfg", json.readTree("{\"options\":{\"router\":\"yes\",\"speed\":\"1G\"},\"qty\":2.5,\"offeringId\":\"po-1\"}"));
        assertThat(a).isEqualTo(b).startsWith("cfg:").hasSize(4 + 64);
    }

    @Test
    void anyContentChangeChangesTheHash() throws Exception {
        String base = CanonicalJsonHash.of("cfg", json.readTree("{\"o\":{\"speed\":\"1G\"},\"lines\":[1,2]}"));
        assertThat(CanonicalJsonHash.of("cfg", json.readTree("{\"o\":{\"speed\":\"2G\"},\"lines\":[1,2]}"))).isNotEqualTo(base);
        assertThat(CanonicalJsonHash.of("cfg", json.readTree("{\"o\":{\"speed\":\"1G\"},\"lines\":[2,1]}"))).isNotEqualTo(base);
        assertThat(CanonicalJsonHash.of("cfg", json.readTree("{\"o\":{\"speed\":\"1G\"},\"lines\":[1,2],\"x\":null}"))).isNotEqualTo(base);
        // a number and the same digits as text are different content
        assertThat(CanonicalJsonHash.of("p", json.readTree("{\"a\":\"10\"}"))).isNotEqualTo(CanonicalJsonHash.of("p", json.readTree("{\"a\":10}")));
    }

    @Test
    void versionFreshnessTellsCurrentSupersededAndAhead() {
        assertThat(VersionFreshness.of(4, 4).isCurrent()).isTrue();
        assertThat(VersionFreshness.of(3, 4).isSuperseded()).isTrue();
        assertThat(VersionFreshness.of(5, 4).isAhead()).isTrue();
        assertThat(VersionFreshness.of(5, 4).isCurrent()).isFalse();
    }
}
