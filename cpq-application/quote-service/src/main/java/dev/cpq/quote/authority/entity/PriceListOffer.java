package dev.cpq.quote.authority.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a price list can price, as pricing's database says: the currency/market/channel combinations its
 * active version has prices in. A quote is opened only in one of them.
 */
public record PriceListOffer(String priceListId, long priceListVersion, List<Scope> scopes) {

    /** One combination a price list has prices in. */
    public record Scope(String currency, String market, String channel) {

        public Scope {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(channel, "channel");
        }
    }

    public PriceListOffer {
        Objects.requireNonNull(priceListId, "priceListId");
        scopes = List.copyOf(scopes);
    }

    /**
     * @throws PriceListScopeNotOfferedException unless the list prices in exactly this currency, market and
     *         channel; it names the fields that, changed alone, would make the quote priceable (else those the
     *         list knows nowhere, else all three)
     */
    public void requireOffered(String currency, String market, String channel) {
        Scope wanted = new Scope(currency, market, channel);
        if (scopes.contains(wanted)) {
            return;
        }
        List<String> fields = new ArrayList<>();
        if (scopes.stream().anyMatch(s -> s.market().equals(market) && s.channel().equals(channel))) {
            fields.add("currency");
        }
        if (scopes.stream().anyMatch(s -> s.currency().equals(currency) && s.channel().equals(channel))) {
            fields.add("market");
        }
        if (scopes.stream().anyMatch(s -> s.currency().equals(currency) && s.market().equals(market))) {
            fields.add("channel");
        }
        if (fields.isEmpty()) {
            addUnknown(fields, "currency", currency, Scope::currency);
            addUnknown(fields, "market", market, Scope::market);
            addUnknown(fields, "channel", channel, Scope::channel);
        }
        if (fields.isEmpty()) {
            fields.addAll(List.of("currency", "market", "channel"));
        }
        throw new PriceListScopeNotOfferedException(this, wanted, fields);
    }

    private void addUnknown(List<String> fields, String field, String value, Function<Scope, String> part) {
        Set<String> known = scopes.stream().map(part).collect(Collectors.toSet());
        if (!known.contains(value)) {
            fields.add(field);
        }
    }
}
