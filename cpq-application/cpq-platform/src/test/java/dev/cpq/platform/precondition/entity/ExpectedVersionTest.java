package dev.cpq.platform.precondition.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void readsStrongEtags() {
        assertThat(ExpectedVersion.fromIfMatch("\"3\"").value()).isEqualTo(3);
        assertThat(ExpectedVersion.fromIfMatch(" \"12\" ").value()).isEqualTo(12);
    }

    @Test
    void aWeakEtagIsRefusedAsAPreconditionWith400NamingIfMatch() {
        for (String weak : new String[] {"W/\"3\"", " W/\"12\" ", "W/\"x\""}) {
            assertThatThrownBy(() -> ExpectedVersion.fromIfMatch(weak)).as(weak).isInstanceOf(InvalidIfMatchException.class)
                    .satisfies(e -> {
                        var p = ((InvalidIfMatchException) e).problem();
                        assertThat(p.getStatus()).isEqualTo(400);
                        assertThat(p.getCode()).isEqualTo("VALIDATION_FAILED");
                        assertThat(p.getDetail()).contains("weak");
                    });
        }
    }

    @Test
    void aMissingIfMatchIsPreconditionRequiredAndGarbageIsInvalid() {
        assertThatThrownBy(() -> ExpectedVersion.fromIfMatch(null)).isInstanceOf(PreconditionRequiredException.class)
                .satisfies(e -> assertThat(((PreconditionRequiredException) e).problem().getStatus()).isEqualTo(428));
        assertThatThrownBy(() -> ExpectedVersion.fromIfMatch(" ")).isInstanceOf(PreconditionRequiredException.class);
        for (String bad : new String[] {"3", "\"three\"", "*", "\"1\", \"2\"", "\"" + "9".repeat(19) + "\""}) {
            assertThatThrownBy(() -> ExpectedVersion.fromIfMatch(bad)).as(bad).isInstanceOf(InvalidIfMatchException.class);
        }
    }

    @Test
    void aStaleVersionIsAConflictNamingTheAggregateAndBothVersions() {
        ExpectedVersion.fromIfMatch("\"4\"").check("QUOTE", 4);
        assertThatThrownBy(() -> ExpectedVersion.fromIfMatch("\"4\"").check("QUOTE", 5))
                .isInstanceOf(VersionConflictException.class)
                .satisfies(e -> {
                    var p = ((VersionConflictException) e).problem();
                    assertThat(p.getStatus()).isEqualTo(412);
                    assertThat(p.getCode()).isEqualTo("QUOTE_VERSION_CONFLICT");
                    assertThat(p.getExtensions()).containsEntry("expectedVersion", 4L).containsEntry("currentVersion", 5L);
                });
    }
}
