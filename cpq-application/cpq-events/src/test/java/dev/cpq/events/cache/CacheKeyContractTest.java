package dev.cpq.events.cache;

import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.key.CacheKey;
import dev.cpq.cache.key.InvalidCacheKeyException;
import dev.cpq.cache.key.KeyComponents;
import dev.cpq.cache.key.LiveCacheKeys;
import dev.cpq.cache.key.VersionLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

class CacheKeyContractTest {

    @Test
    void everyKeyNamesSystemTenantDomainVersionEntityProjectionAndFormat() {
        CacheKey key = CatalogCacheKeys.offeringDetail("tnt-001", 42, "po-1001");
        assertThat(key.value()).isEqualTo("cpq:{tnt-001}:catalog:v42:offering:po-1001:detail:f1");
        assertThat(key.value().split(":")).hasSize(8);
    }

    @Test
    void tenantIsAHashTagSoPointerPayloadAndLeaseShareASlot() {
        CacheKey key = PriceListCacheKeys.slice("tnt-9", "pl-1", 87, "po-1", "EUR", "DE", "direct");
        int slot = JedisClusterCRC16.getSlot(key.value());
        assertThat(key.value()).contains("{tnt-9}");
        assertThat(JedisClusterCRC16.getSlot(key.leaseKey())).isEqualTo(slot);
        assertThat(JedisClusterCRC16.getSlot(PriceListCacheKeys.line("tnt-9", "pl-1").pointerKey())).isEqualTo(slot);
        assertThat(JedisClusterCRC16.getSlot(LiveCacheKeys.of("tnt-9", CacheDomain.QUOTE_SUMMARY, "quote", "q-1", "summary").value())).isEqualTo(slot);
    }

    @Test
    void tenantVersionAndFormatEachChangeTheKey() {
        CacheKey base = CacheKey.of("t1", CacheDomain.CATALOG, "v1", "offering", "o1", "detail", 1);
        assertThat(CacheKey.of("t2", CacheDomain.CATALOG, "v1", "offering", "o1", "detail", 1)).isNotEqualTo(base);
        assertThat(CacheKey.of("t1", CacheDomain.CATALOG, "v2", "offering", "o1", "detail", 1)).isNotEqualTo(base);
        CacheKey bumped = CacheKey.of("t1", CacheDomain.CATALOG, "v1", "offering", "o1", "detail", 2);
        assertThat(bumped).isNotEqualTo(base);
        assertThat(bumped.value()).endsWith(":f2");
    }

    @Test
    void priceSlicesDifferByCurrencyMarketAndChannel() {
        var eur = PriceListCacheKeys.slice("t", "pl-1", 3, "po-1", "EUR", "DE", "direct");
        assertThat(PriceListCacheKeys.slice("t", "pl-1", 3, "po-1", "USD", "DE", "direct")).isNotEqualTo(eur);
        assertThat(PriceListCacheKeys.slice("t", "pl-1", 3, "po-1", "EUR", "AT", "direct")).isNotEqualTo(eur);
        assertThat(PriceListCacheKeys.slice("t", "pl-1", 3, "po-1", "EUR", "DE", "partner")).isNotEqualTo(eur);
        assertThat(PriceListCacheKeys.slice("t", "pl-2", 3, "po-1", "EUR", "DE", "direct")).isNotEqualTo(eur);
        assertThat(eur.version()).isEqualTo("pl-1.v3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:b", "{t}", "a}", "a b", "tab\tx", "line\nx", "glob*", "q?", "[x]", "back\\slash"})
    void brokenComponentsAreRejectedBeforeAKeyExists(String bad) {
        assertThatThrownBy(() -> CatalogCacheKeys.offeringDetail("t1", 1, bad)).isInstanceOf(InvalidCacheKeyException.class);
        assertThatThrownBy(() -> CatalogCacheKeys.offeringDetail(bad, 1, "o1")).isInstanceOf(InvalidCacheKeyException.class);
    }

    @Test
    void missingPartsAndImpossibleVersionsAreRejected() {
        assertThatThrownBy(() -> CatalogCacheKeys.offeringDetail(null, 1, "o1")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CatalogCacheKeys.offeringDetail("t", 0, "o1")).isInstanceOf(InvalidCacheKeyException.class);
        assertThatThrownBy(() -> CacheKey.of("t", CacheDomain.CATALOG, "v1", "o", "1", "d", 0)).isInstanceOf(InvalidCacheKeyException.class);
        assertThatThrownBy(() -> CatalogCacheKeys.offeringDetail("t", 1, "x".repeat(201))).isInstanceOf(InvalidCacheKeyException.class);
    }

    @Test
    void versionLinesRenderAndParseTheirOwnVersionsOnly() {
        VersionLine catalog = CatalogCacheKeys.line("t");
        VersionLine prices = PriceListCacheKeys.line("t", "pl-1");
        assertThat(catalog.sequenceOf(catalog.versionPart(42))).contains(42L);
        assertThat(prices.sequenceOf(prices.versionPart(7))).contains(7L);
        assertThat(prices.sequenceOf("pl-2.v7")).isEmpty();
        assertThat(catalog.sequenceOf("live")).isEmpty();
        assertThat(catalog.pointerKey()).isEqualTo("cpq:{t}:catalog:active-version");
        assertThat(prices.pointerKey()).isEqualTo("cpq:{t}:price-list:active-version:pl-1");
        assertThat(prices.payloadPattern()).isEqualTo("cpq:{t}:price-list:pl-1.v*");
    }

    @Test
    void anyTextBecomesAValidKeyPartThroughItsDigest() {
        String digest = KeyComponents.digest("partner:alice {eu}\n");
        assertThat(digest).hasSize(32).matches("[0-9a-f]+");
        assertThat(KeyComponents.require("digest", digest)).isEqualTo(digest);
        assertThat(KeyComponents.digest("partner:alice {eu}\n")).isEqualTo(digest);
        assertThat(KeyComponents.digest("partner:bob")).isNotEqualTo(digest);
    }

    @Test
    void pointerKeysParseBackIntoTheirLines() {
        VersionLine prices = PriceListCacheKeys.line("t-1", "pl-9");
        assertThat(VersionLine.fromPointerKey(prices.pointerKey(), CacheDomain.PRICE_LIST)).contains(prices);
        assertThat(VersionLine.fromPointerKey(CatalogCacheKeys.line("t-1").pointerKey(), CacheDomain.CATALOG)).contains(CatalogCacheKeys.line("t-1"));
        assertThat(VersionLine.fromPointerKey(CatalogCacheKeys.line("t-1").pointerKey(), CacheDomain.PRICE_LIST)).isEmpty();
        assertThat(VersionLine.fromPointerKey(CatalogCacheKeys.offeringDetail("t-1", 1, "o").value(), CacheDomain.CATALOG)).isEmpty();
    }

    @Test
    void liveKeysOfMutableProjectionsStillCarryTenantVersionPartAndFormat() {
        assertThat(LiveCacheKeys.of("t", CacheDomain.QUOTE_SUMMARY, "quote", "q-1", "summary").value()).isEqualTo("cpq:{t}:quote-summary:live:quote:q-1:summary:f1");
        assertThat(LiveCacheKeys.idempotency("t", "quote-accept", "k-1").value()).isEqualTo("cpq:{t}:idempotency:live:quote-accept:k-1:result:f1");
        assertThat(LiveCacheKeys.rateLimitWindow("t", "partner-1", 1_700_000_000L).version()).isEqualTo("w1700000000");
    }
}
