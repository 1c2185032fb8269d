package dev.cpq.pricing.money.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscountPercentTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "7.5", "12.34", "100", "100.00", "0.01"})
    void discountsFromZeroToHundredWithTwoDecimalsAreValid(String value) {
        assertThat(DiscountPercent.of(value).value().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "100.01", "12.345", "1000"})
    void discountsOutsideTheRangeOrTooPreciseAreRefused(String value) {
        assertThatThrownBy(() -> DiscountPercent.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalValuesAreEqualWhateverTheirSpelling() {
        assertThat(DiscountPercent.of("7.5")).isEqualTo(DiscountPercent.of("7.50"));
        assertThat(DiscountPercent.of("7.50").exceeds(DiscountPercent.of("7.5"))).isFalse();
        assertThat(DiscountPercent.of("7.51").exceeds(DiscountPercent.of("7.5"))).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aRefusedDiscountWithAnEnormousExponentIsNamedWithoutExpandingIt() {
        for (String value : new String[] {"1E-999999999", "1E+999999999", "-1E+999999999"}) {
            assertThatThrownBy(() -> DiscountPercent.of(value)).as(value).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
        }
    }
}
