package dev.cpq.quote.authority.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceListOfferTest {

    private final PriceListOffer offer = new PriceListOffer("standard", 3, List.of(new PriceListOffer.Scope("EUR", "eu", "direct"),
            new PriceListOffer.Scope("EUR", "eu", "partner"), new PriceListOffer.Scope("USD", "us", "direct")));

    @Test
    void anOfferedCombinationPasses() {
        assertThatNoException().isThrownBy(() -> offer.requireOffered("USD", "us", "direct"));
    }

    @Test
    void theFieldThatAloneWouldMakeItOfferedIsNamed() {
        assertThat(fields("GBP", "eu", "direct")).containsExactly("currency");
        assertThat(fields("EUR", "fr", "direct")).containsExactly("market");
        assertThat(fields("USD", "us", "partner")).containsExactly("channel");
        assertThat(fields("EUR", "us", "direct")).containsExactly("currency", "market");
    }

    @Test
    void withoutASingleFixTheFieldsTheListKnowsNowhereAreNamedElseAllThree() {
        assertThat(fields("GBP", "uk", "direct")).containsExactly("currency", "market");
        PriceListOffer apart = new PriceListOffer("wide", 1, List.of(new PriceListOffer.Scope("EUR", "eu", "direct"),
                new PriceListOffer.Scope("USD", "us", "partner"), new PriceListOffer.Scope("GBP", "uk", "web")));
        assertThatThrownBy(() -> apart.requireOffered("EUR", "us", "web")).isInstanceOfSatisfying(PriceListScopeNotOfferedException.class,
                e -> assertThat(e.problem().getExtensions().get("violations").toString()).contains("currency", "market", "channel"));
    }

    @Test
    void theRefusalIsA422WithWhatTheListOffers() {
        assertThatThrownBy(() -> offer.requireOffered("GBP", "eu", "direct")).isInstanceOfSatisfying(PriceListScopeNotOfferedException.class, e -> {
            assertThat(e.problem().getStatus()).isEqualTo(422);
            assertThat(e.problem().getCode()).isEqualTo("PRICE_LIST_SCOPE_NOT_OFFERED");
            assertThat(e.problem().getExtensions()).containsEntry("priceListVersion", 3L).containsKey("offeredScopes");
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> fields(String currency, String market, String channel) {
        try {
            offer.requireOffered(currency, market, channel);
            throw new AssertionError("offered: " + currency + "/" + market + "/" + channel);
        } catch (PriceListScopeNotOfferedException e) {
            List<String> named = new ArrayList<>();
            for (Map<String, String> v : (List<Map<String, String>>) e.problem().getExtensions().get("violations")) {
                named.add(v.get("field"));
            }
            return named;
        }
    }
}
