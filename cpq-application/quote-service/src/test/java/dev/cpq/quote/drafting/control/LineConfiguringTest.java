package dev.cpq.quote.drafting.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.quote.authority.entity.ConfigurationChoice;
import dev.cpq.quote.authority.entity.ConfigurationVerdict;
import dev.cpq.quote.authority.entity.LinesVerdict;
import dev.cpq.quote.authority.entity.Pending;
import dev.cpq.quote.drafting.entity.ConfigurationInvalidException;
import dev.cpq.quote.core.entity.LineChoice;
import dev.cpq.quote.core.entity.QuoteLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LineConfiguringTest {

    private final List<Long> asked = new ArrayList<>();

    private LineConfiguring configuring(String invalidOffering) {
        return new LineConfiguring((lines, catalogVersion) -> {
            asked.add(catalogVersion);
            List<ConfigurationVerdict> verdicts = new ArrayList<>();
            for (ConfigurationChoice line : lines) {
                boolean valid = !line.offeringId().equals(invalidOffering);
                verdicts.add(new ConfigurationVerdict(valid, valid ? List.of()
                        : List.of(new ConfigurationVerdict.Violation("RULE_EXCLUDES", "tv", "tv excludes radio")),
                        "cfg-sha256:" + (line.offeringId().equals("fiber") ? "a" : "b").repeat(64), 9));
            }
            return Pending.answered(new LinesVerdict(9, OptionalLong.of(9), verdicts));
        });
    }

    private static LineChoice choice(String offering) {
        return new LineChoice(offering, Map.of("speed", "100"), 1, 12, BigDecimal.ZERO);
    }

    @Test
    void allLinesAreValidatedInOneCallOnTheVersionCatalogNames() {
        LineConfiguring.Configured configured = configuring(null).configure(List.of(choice("fiber"), choice("tv")));
        assertThat(asked).as("one call, on the active version").containsExactly((Long) null);
        assertThat(configured.catalogVersion()).isEqualTo(9);
        assertThat(configured.lines()).extracting(QuoteLine::configurationHash)
                .containsExactly("cfg-sha256:" + "a".repeat(64), "cfg-sha256:" + "b".repeat(64));
    }

    @Test
    void everyViolationOfEveryLineIsReportedWithItsLine() {
        assertThatThrownBy(() -> configuring("tv").configure(List.of(choice("fiber"), choice("tv"), choice("tv"))))
                .isInstanceOfSatisfying(ConfigurationInvalidException.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(422);
                    assertThat(e.problem().getCode()).isEqualTo("CONFIGURATION_INVALID");
                    assertThat((List<?>) e.problem().getExtensions().get("violations")).hasSize(2)
                            .allSatisfy(v -> assertThat(((Map<?, ?>) v).get("code")).isEqualTo("RULE_EXCLUDES"));
                });
    }
}
