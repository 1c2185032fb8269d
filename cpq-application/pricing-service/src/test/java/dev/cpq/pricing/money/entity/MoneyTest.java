package dev.cpq.pricing.money.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"EUR, 10.5, 10.50", "EUR, 10.500, 10.50", "EUR, 7, 7.00", "JPY, 1050, 1050", "JPY, 1050.0, 1050", "BHD, 1.5, 1.500",
            "USD, 0, 0.00", "EUR, 1E+3, 1000.00"})
    void amountsAreKeptAtTheCurrencysScale(String currency, String amount, String expected) {
        Money money = Money.of(amount, currency);
        assertThat(money.amount()).isEqualByComparingTo(expected);
        assertThat(money.amount().toPlainString()).isEqualTo(expected);
        assertThat(money.amount().scale()).isEqualTo(Currency.getInstance(currency).getDefaultFractionDigits());
    }

    @ParameterizedTest
    @CsvSource({"EUR, 10.505", "USD, 0.001", "JPY, 1.5", "BHD, 0.0005"})
    void moreDecimalPlacesThanTheCurrencyHasAreRefused(String currency, String amount) {
        assertThatThrownBy(() -> Money.of(amount, currency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decimal places");
    }

    @Test
    void amountsAreNeverNegative() {
        assertThatThrownBy(() -> Money.of("-0.01", "EUR")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        Money one = Money.of("1.00", "EUR");
        assertThatThrownBy(() -> one.minus(Money.of("1.01", "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> one.times(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "EU", "ABC", "XXX", "XAU", ""})
    void onlyIsoCurrenciesWithAMinorUnitArePriced(String code) {
        assertThatThrownBy(() -> Money.currencyOf(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void currenciesDoNotMix() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot combine");
    }

    @Test
    void multiplicationAndAdditionAreExact() {
        Money unit = Money.of("0.10", "EUR");
        assertThat(unit.times(3).amount()).isEqualTo(new BigDecimal("0.30"));
        assertThat(unit.times(3).plus(unit).amount()).isEqualTo(new BigDecimal("0.40"));
        assertThat(Money.zero(Currency.getInstance("JPY")).amount()).isEqualTo(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @CsvSource({"EUR, 0.25, 10, 0.22", "EUR, 0.35, 10, 0.32", "JPY, 5, 10, 4", "JPY, 15, 10, 14", "BHD, 0.005, 10, 0.004",
            "EUR, 99.99, 0, 99.99", "EUR, 99.99, 100, 0.00", "EUR, 100.00, 12.34, 87.66"})
    void discountingRoundsHalfEvenAtTheCurrencysScale(String currency, String amount, String percent, String expected) {
        assertThat(Money.of(amount, currency).discountedBy(DiscountPercent.of(percent)).amount().toPlainString()).isEqualTo(expected);
    }
}
