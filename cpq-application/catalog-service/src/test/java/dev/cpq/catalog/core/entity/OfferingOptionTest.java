package dev.cpq.catalog.core.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfferingOptionTest {

    private static OfferingOption.Proposed option(String code, String... values) {
        return new OfferingOption.Proposed(code, List.of(values), true);
    }

    @Test
    void optionCodesRepeatedOrDifferingOnlyByCaseAreNamedByTheirPosition() {
        assertThatThrownBy(() -> OfferingOption.listOf(List.of(option("speed", "1G"), option("router", "pro"), option("Speed", "10G"),
                option("speed", "500M"))))
                .isInstanceOfSatisfying(InvalidDraftContentException.class, e -> {
                    assertThat(e.violations()).extracting(InvalidDraftContentException.Violation::field)
                            .containsExactly("options[2].code", "options[3].code");
                    assertThat(e.problem().getStatus()).isEqualTo(400);
                    assertThat(e.problem().getCode()).isEqualTo("VALIDATION_FAILED");
                });
    }

    @Test
    void valuesRepeatedOrDifferingOnlyByCaseWithinAnOptionAreNamedByTheirPosition() {
        assertThatThrownBy(() -> OfferingOption.listOf(List.of(option("speed", "1G", "500M", "1g"), option("router", "pro", "pro"))))
                .isInstanceOfSatisfying(InvalidDraftContentException.class, e -> assertThat(e.violations())
                        .extracting(InvalidDraftContentException.Violation::field).containsExactly("options[0].values[2]", "options[1].values[1]"));
    }

    @Test
    void theSameValueInTwoOptionsIsFine() {
        assertThat(OfferingOption.listOf(List.of(option("tv", "yes", "no"), option("sports", "yes", "no"))))
                .extracting(OfferingOption::code).containsExactly("tv", "sports");
    }

    @Test
    void anOfferingNeverHoldsTwoCodesThatDifferOnlyByCase() {
        List<OfferingOption> cased = List.of(new OfferingOption("speed", List.of("1G"), true), new OfferingOption("SPEED", List.of("1G"), true));
        assertThatThrownBy(() -> Offering.of(1, "t1", "fiber", "Fiber", "internet", cased, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Letter case beyond ASCII: the German sharp s is SS in capitals, the long s and the final sigma are s
     * and sigma in another form; lower-casing alone keeps them apart, case folding does not.
     */
    @Test
    void valuesDifferingOnlyByCaseBeyondAsciiAreNamedToo() {
        assertThatThrownBy(() -> OfferingOption.listOf(List.of(option("street", "STRASSE", "stra\u00dfe"), option("mark", "s", "\u017f"),
                option("greek", "\u039f\u0394\u039f\u03a3", "\u03bf\u03b4\u03bf\u03c3"))))
                .isInstanceOfSatisfying(InvalidDraftContentException.class, e -> assertThat(e.violations())
                        .extracting(InvalidDraftContentException.Violation::field)
                        .containsExactly("options[0].values[1]", "options[1].values[1]", "options[2].values[1]"));
    }
}
