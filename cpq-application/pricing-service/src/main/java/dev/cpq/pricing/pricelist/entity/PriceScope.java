package dev.cpq.pricing.pricelist.entity;

import dev.cpq.pricing.money.entity.Money;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a price applies: a currency, a market and a sales channel. Market and channel ids have no '.'
 * because the three are joined with '.' in cache keys, where "de.x" + "web" must not read as "de" + "x.web".
 */
public record PriceScope(Currency currency, String market, String channel) {

    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    public PriceScope {
        Objects.requireNonNull(currency, "currency");
        Money.scaleOf(currency);
        requireId("market", market);
        requireId("channel", channel);
    }

    public static PriceScope of(String currency, String market, String channel) {
        return new PriceScope(Money.currencyOf(currency), market, channel);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    private static void requireId(String what, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException("a " + what + " id has 1-40 letters, digits, '-' or '_' and starts with a letter or digit: "
                    + value);
        }
    }

    @Override
    public String toString() {
        return currencyCode() + "/" + market + "/" + channel;
    }
}
