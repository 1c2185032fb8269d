package dev.cpq.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.cache.CacheFixture;
import dev.cpq.cache.key.CacheDomain;
import dev.cpq.cache.SampleKeys;
import dev.cpq.cache.key.LiveCacheKeys;
import dev.cpq.cache.key.VersionLine;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CacheInvalidationIT {

    record Item(String id) {}

    private final CacheFixture f = new CacheFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void flushRemovesOnlyTheCallersTenantAndDomain() {
        String otherTenant = "it-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 250; i++) {
            String id = "po-" + i;
            f.cache.get(SampleKeys.offeringDetail(f.tenant, 1, id), Item.class, () -> new Item(id));
        }
        var otherDomain = LiveCacheKeys.of(f.tenant, CacheDomain.QUOTE_SUMMARY, "quote", "q-1", "summary");
        var otherTenantKey = SampleKeys.offeringDetail(otherTenant, 1, "po-1");
        f.cache.get(otherDomain, Item.class, () -> new Item("q-1"));
        f.cache.get(otherTenantKey, Item.class, () -> new Item("po-1"));

        long removed = f.invalidation.flush(f.tenant, CacheDomain.CATALOG, 50);

        assertThat(removed).isEqualTo(250);
        assertThat(f.exists(otherDomain.value())).isTrue();
        assertThat(f.exists(otherTenantKey.value())).isTrue();
        f.invalidation.flush(otherTenant, CacheDomain.CATALOG, 50);
    }

    @Test
    void cleanupRemovesVersionsOlderThanThePreviousAndKeepsCurrentAndPrevious() {
        VersionLine line = SampleKeys.priceListLine(f.tenant, "pl-1");
        for (long v = 1; v <= 4; v++) {
            long version = v;
            for (int i = 0; i < 30; i++) {
                String id = "po-" + i;
                f.cache.get(SampleKeys.slice(f.tenant, "pl-1", version, id, "EUR", "DE", "direct"), Item.class, () -> new Item(id));
            }
        }
        var otherList = SampleKeys.slice(f.tenant, "pl-2", 1, "po-1", "EUR", "DE", "direct");
        f.cache.get(otherList, Item.class, () -> new Item("po-1"));
        f.pointer.moveTo(line, 3);
        f.pointer.moveTo(line, 4);

        var cleanup = new SupersededVersionCleanup(f.pointer, f.invalidation);
        assertThat(cleanup.sweep(line, 20, 1_000)).isEqualTo(60);

        assertThat(exists(line, 1)).isFalse();
        assertThat(exists(line, 2)).isFalse();
        assertThat(exists(line, 3)).isTrue();
        assertThat(exists(line, 4)).isTrue();
        assertThat(f.exists(otherList.value())).as("another price list's version line").isTrue();
        assertThat(f.exists(line.pointerKey())).isTrue();
    }

    @Test
    void cleanupIsBoundedPerRun() {
        VersionLine line = SampleKeys.catalogLine(f.tenant);
        for (int i = 0; i < 40; i++) {
            String id = "po-" + i;
            f.cache.get(SampleKeys.offeringDetail(f.tenant, 1, id), Item.class, () -> new Item(id));
        }
        f.pointer.moveTo(line, 2);
        f.pointer.moveTo(line, 3);
        var cleanup = new SupersededVersionCleanup(f.pointer, f.invalidation);
        assertThat(cleanup.sweep(line, 10, 15)).isEqualTo(15);
        assertThat(cleanup.sweep(line, 10, 1_000)).isEqualTo(25);
        assertThat(cleanup.sweep(line, 10, 1_000)).isZero();
    }

    @Test
    void aDomainSweepVisitsEveryTenantsLines() {
        String second = "it-" + UUID.randomUUID().toString().substring(0, 8);
        for (String tenant : new String[] {f.tenant, second}) {
            for (long v = 1; v <= 3; v++) {
                long version = v;
                f.cache.get(SampleKeys.offeringDetail(tenant, version, "po-1"), Item.class, () -> new Item("po-1"));
                f.pointer.moveTo(SampleKeys.catalogLine(tenant), version);
            }
        }
        var cleanup = new SupersededVersionCleanup(f.pointer, f.invalidation);
        assertThat(f.invalidation.pointerLines(CacheDomain.CATALOG, 100))
                .contains(SampleKeys.catalogLine(f.tenant), SampleKeys.catalogLine(second));
        cleanup.sweepDomain(CacheDomain.CATALOG, 100, 1_000);
        for (String tenant : new String[] {f.tenant, second}) {
            assertThat(f.exists(SampleKeys.offeringDetail(tenant, 1, "po-1").value())).as(tenant + " v1").isFalse();
            assertThat(f.exists(SampleKeys.offeringDetail(tenant, 2, "po-1").value())).as(tenant + " v2").isTrue();
            assertThat(f.exists(SampleKeys.offeringDetail(tenant, 3, "po-1").value())).as(tenant + " v3").isTrue();
        }
        f.invalidation.flush(second, CacheDomain.CATALOG, 100);
    }

    private boolean exists(VersionLine line, long version) {
        return f.exists(SampleKeys.slice(f.tenant, "pl-1", version, "po-0", "EUR", "DE", "direct").value());
    }
}
