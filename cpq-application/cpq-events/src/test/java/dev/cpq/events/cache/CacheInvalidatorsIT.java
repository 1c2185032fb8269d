package dev.cpq.events.cache;

import static dev.cpq.messaging.MessagingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.cache.CacheFixture;
import dev.cpq.events.catalog.CatalogPublished;
import dev.cpq.events.pricing.PriceListPublished;
import dev.cpq.messaging.MessagingFixture;
import dev.cpq.messaging.event.DomainEvent;
import dev.cpq.messaging.inbox.ConsumeOutcome;
import dev.cpq.messaging.inbox.InboxConsumer;
import dev.cpq.messaging.relay.OutboxRelayLoop;
import dev.cpq.messaging.relay.RelaySettings;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Publication committed -> outbox -> relay (woken by NOTIFY) -> Kafka -> invalidator -> Redis pointer. */
class CacheInvalidatorsIT {

    private final MessagingFixture f;
    private final CacheFixture cache = new CacheFixture();
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor();
    private OutboxRelayLoop loop;

    CacheInvalidatorsIT() throws Exception {
        f = new MessagingFixture();
    }

    @AfterEach
    void close() throws Exception {
        if (loop != null) {
            loop.stop();
        }
        relayThread.shutdown();
        assertThat(relayThread.awaitTermination(10, TimeUnit.SECONDS)).as("relay loop stopped").isTrue();
        f.close();
        cache.close();
    }

    /** A contract event on the fixture's own topic (its aggregate type), so tests do not share one. */
    record Published(String tenantId, String aggregateType, String aggregateId, long aggregateVersion, String eventType, JsonNode payload)
            implements DomainEvent {

        @Override
        public int schemaVersion() {
            return 1;
        }
    }

    private Published catalogPublished(long version) {
        CatalogPublished event = CatalogPublished.of(cache.tenant, version, version > 1 ? Optional.of(version - 1) : Optional.empty());
        return new Published(cache.tenant, f.aggregateType, "catalog-" + cache.tenant, version, event.eventType(), event.payload());
    }

    private void commit(DomainEvent... events) throws Exception {
        for (DomainEvent e : events) {
            try (Connection c = f.dataSource.getConnection()) {
                c.setAutoCommit(false);
                f.outbox.record(c, e, null);
                c.commit();
            }
        }
    }

    private void startRelayLoop() {
        loop = new OutboxRelayLoop(f.relay(RelaySettings.defaults()), f.dataSource, f.schema, RelaySettings.defaults());
        relayThread.submit(loop);
    }

    @Test
    void aCatalogPublicationMovesTheCatalogAndRuleGraphPointersAndRecordsTheLag() throws Exception {
        startRelayLoop();
        InboxConsumer catalog = f.startConsumer("catalog-pointer",
                PublicationInvalidators.catalog(cache.pointer, Clock.systemUTC(), f.registry));
        InboxConsumer rules = f.startConsumer("rule-graph-pointer",
                PublicationInvalidators.ruleGraphs(cache.pointer, Clock.systemUTC(), f.registry));

        commit(catalogPublished(1), catalogPublished(2));
        // outcomes are counted once the consumer's transaction committed, just after the pointer moved
        await("both consumers committed both events", Duration.ofSeconds(30),
                () -> catalog.count(ConsumeOutcome.APPLIED) == 2 && rules.count(ConsumeOutcome.APPLIED) == 2);
        assertThat(cache.pointer.current(CatalogCacheKeys.line(cache.tenant))).hasValue(2);
        assertThat(cache.pointer.current(ConfigurationRuleCacheKeys.line(cache.tenant))).hasValue(2);

        Timer lag = f.registry.get("cpq.cache.invalidation.lag").tag("domain", "catalog").timer();
        assertThat(lag.count()).isEqualTo(2);
        assertThat(lag.max(TimeUnit.MILLISECONDS)).as("commit to pointer moved").isPositive();
    }

    @Test
    void aLateOrReplayedPublicationNeverMovesAPointerBack() throws Exception {
        startRelayLoop();
        InboxConsumer consumer = f.startConsumer("catalog-pointer",
                PublicationInvalidators.catalog(cache.pointer, Clock.systemUTC(), f.registry));
        commit(catalogPublished(5));
        await("pointer at v5", Duration.ofSeconds(30), () -> cache.pointer.current(CatalogCacheKeys.line(cache.tenant)).orElse(0) == 5);

        // an older publication of the same aggregate arrives late (a replay, or a relay that lagged)
        commit(catalogPublished(3));
        await("late event processed", Duration.ofSeconds(30), () -> consumer.count(ConsumeOutcome.IGNORED_STALE) == 1);
        assertThat(cache.pointer.current(CatalogCacheKeys.line(cache.tenant))).hasValue(5);
    }

    @Test
    void aPriceListPublicationMovesThatPriceListsPointerOnly() throws Exception {
        startRelayLoop();
        f.startConsumer("price-list-pointer", PublicationInvalidators.priceList(cache.pointer, Clock.systemUTC(), f.registry));
        PriceListPublished event = PriceListPublished.of(cache.tenant, "pl-1", 7, Optional.empty(), "REPRICE_REQUIRED_ON_PUBLISH");
        commit(new Published(cache.tenant, f.aggregateType, "pl-1", 7, event.eventType(), event.payload()));
        await("pl-1 at v7", Duration.ofSeconds(30),
                () -> cache.pointer.current(PriceListCacheKeys.line(cache.tenant, "pl-1")).orElse(0) == 7);
        assertThat(cache.pointer.current(PriceListCacheKeys.line(cache.tenant, "pl-2"))).isEmpty();
    }
}
