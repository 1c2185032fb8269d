package dev.cpq.pricing.calculation.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.platform.problem.entity.Problem;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class CatalogVersionRuleTest {

    private final AtomicInteger asked = new AtomicInteger();

    private LongSupplier authority(long active) {
        return () -> {
            asked.incrementAndGet();
            return active;
        };
    }

    @Test
    void thePointersVersionIsAcceptedWithoutAskingTheCatalog() {
        assertThat(CatalogVersionRule.accept(7, 7, authority(7))).isEqualTo(7);
        assertThat(asked).hasValue(0);
    }

    @Test
    void anOlderVersionIsStaleAndNamesTheActiveOneAndWhatToDo() {
        assertThatThrownBy(() -> CatalogVersionRule.accept(6, 7, authority(7)))
                .isInstanceOfSatisfying(CatalogVersionStaleException.class, e -> {
                    Problem p = e.problem();
                    assertThat(p.getStatus()).isEqualTo(409);
                    assertThat(p.getCode()).isEqualTo("CATALOG_VERSION_STALE");
                    assertThat(p.getExtensions()).containsEntry("catalogVersion", 6L).containsEntry("currentVersion", 7L)
                            .containsEntry("remediation", "re-validate the configuration against catalog version 7 and price again");
                });
        assertThat(asked).hasValue(0);
    }

    @Test
    void aVersionAheadOfTheLaggingPointerIsAcceptedWhenTheCatalogConfirmsIt() {
        assertThat(CatalogVersionRule.accept(8, 7, authority(8))).isEqualTo(8);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aVersionAheadOfTheCatalogIsNotAccepted() {
        assertThatThrownBy(() -> CatalogVersionRule.accept(9, 7, authority(8)))
                .isInstanceOfSatisfying(CatalogVersionStaleException.class,
                        e -> assertThat(e.problem().getExtensions()).containsEntry("currentVersion", 8L));
    }

    @Test
    void withNothingPublishedNoVersionIsAcceptable() {
        Problem p = CatalogVersionStaleException.nothingPublished(3).problem();
        assertThat(p.getCode()).isEqualTo("CATALOG_VERSION_STALE");
        assertThat(p.getExtensions()).containsEntry("catalogVersion", 3L).doesNotContainKey("currentVersion");
    }
}
