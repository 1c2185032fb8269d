package dev.cpq.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.events.catalog.CatalogPublished;
import dev.cpq.events.pricing.ApprovalPolicyPublished;
import dev.cpq.events.pricing.PriceListPublished;
import dev.cpq.events.quote.QuoteAccepted;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.event.EventEnvelope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The wire format stays what consumers deployed before the contract read: envelopes as the services' outbox
 * tables hold them (copied from {@code outbox_event.envelope}) decode into the typed events, and the typed
 * events write the same payload bytes.
 */
class EventWireFormatTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    // rows of catalog.outbox_event, pricing.outbox_event and quote.outbox_event (column envelope) as a deployment wrote
    // them during the end-to-end tests; the payload fields and their order are those the services' own event classes
    // wrote before the contract (catalog's and pricing's publication.entity, quote's acceptance.entity)

    static final String CATALOG_PUBLISHED = """
            {"eventId":"ccdd5235-6c56-4592-a7d9-33d234f3d10d","tenantId":"cache-c65d0762","aggregateType":"Catalog",\
            "aggregateId":"catalog","aggregateVersion":2,"eventType":"CatalogPublished","occurredAt":"2026-12-07T06:22:03.260807256Z",\
            "schemaVersion":1,"payload":{"newVersion":2,"versionSequence":2,"previousVersion":1},\
            "traceId":"867bde9c-69c6-498c-93db-805888cbb991"}""";

    static final String PRICE_LIST_PUBLISHED = """
            {"eventId":"a8911184-14ee-4378-a12b-4bf513f45c96","tenantId":"demo","aggregateType":"PriceList","aggregateId":"standard",\
            "aggregateVersion":1,"eventType":"PriceListPublished","occurredAt":"2026-12-07T06:21:43.961477678Z","schemaVersion":1,\
            "payload":{"priceListId":"standard","newVersion":1,"previousVersion":null,"stalenessPolicy":"REPRICE_REQUIRED_ON_PUBLISH"},\
            "traceId":"57b8243c-c451-40a6-a63c-6f19f8ebf271"}""";

    static final String APPROVAL_POLICY_PUBLISHED = """
            {"eventId":"b1085e9b-88b2-4b4c-afa8-78bbc2e60371","tenantId":"quote-885759fc","aggregateType":"ApprovalPolicy",\
            "aggregateId":"approval-policy","aggregateVersion":2,"eventType":"ApprovalPolicyPublished",\
            "occurredAt":"2026-12-07T06:24:03.365415876Z","schemaVersion":1,"payload":{"newVersion":2,"previousVersion":1},\
            "traceId":"675c9b54-76da-467a-8106-9583dae0fceb"}""";

    static final String QUOTE_ACCEPTED = """
            {"eventId":"47b2ab08-e816-4a68-aa67-7ee487595751","tenantId":"quote-885759fc","aggregateType":"Quote",\
            "aggregateId":"f9b6b8f4-8e79-4156-862c-bfe9fb723dc1","aggregateVersion":6,"eventType":"QuoteAccepted",\
            "occurredAt":"2026-12-07T06:24:04.116362115Z","schemaVersion":1,"payload":{"quoteId":"f9b6b8f4-8e79-4156-862c-bfe9fb723dc1",\
            "quoteRevisionId":"b9f0af37-d8a8-4b77-a67a-efb2ea25f878","priceResultId":"dd72bd47-cd8b-433d-9931-331d71b3cc84",\
            "totals":{"listTotal":1486.6,"discountTotal":118.88,"netTotal":1367.72,"oneTimeTotal":45.08,"recurringMonthlyTotal":55.11,\
            "recurringTotal":1322.64},"currency":"EUR","customerId":"cust-1",\
            "snapshotHash":"snap-sha256:cb7f92509a0052a4bb9ed30a5dc9ebed006439a4ff292520869aa9481e740f88"},\
            "traceId":"b4dc3248-5bdf-4f84-938e-9aa5065b21cc"}""";

    @Test
    void todaysCatalogPublishedDecodesAndIsWrittenTheSame() throws Exception {
        EventEnvelope envelope = codec.decode(CATALOG_PUBLISHED);
        CatalogPublished event = CatalogPublished.from(envelope);
        assertThat(event).isEqualTo(CatalogPublished.of("cache-c65d0762", 2, Optional.of(1L)));
        assertSameWire(envelope, event);
    }

    @Test
    void todaysPriceListPublishedDecodesAndIsWrittenTheSame() throws Exception {
        EventEnvelope envelope = codec.decode(PRICE_LIST_PUBLISHED);
        PriceListPublished event = PriceListPublished.from(envelope);
        assertThat(event).isEqualTo(PriceListPublished.of("demo", "standard", 1, Optional.empty(), "REPRICE_REQUIRED_ON_PUBLISH"));
        assertSameWire(envelope, event);
    }

    @Test
    void todaysApprovalPolicyPublishedDecodesAndIsWrittenTheSame() throws Exception {
        EventEnvelope envelope = codec.decode(APPROVAL_POLICY_PUBLISHED);
        ApprovalPolicyPublished event = ApprovalPolicyPublished.from(envelope);
        assertThat(event).isEqualTo(ApprovalPolicyPublished.of("quote-885759fc", 2));
        assertSameWire(envelope, event);
    }

    @Test
    void todaysQuoteAcceptedDecodesAndIsWrittenTheSame() throws Exception {
        EventEnvelope envelope = codec.decode(QUOTE_ACCEPTED);
        QuoteAccepted event = QuoteAccepted.from(envelope);
        assertThat(event.quoteId()).isEqualTo(envelope.aggregateId());
        assertThat(event.quoteVersion()).isEqualTo(envelope.aggregateVersion());
        assertThat(event.totals()).isEqualTo(envelope.payload().get("totals"));
        assertSameWire(envelope, event);
    }

    @Test
    void anEventOfAnotherKindOrWithoutItsVersionIsRefused() {
        assertThatThrownBy(() -> CatalogPublished.from(codec.decode(PRICE_LIST_PUBLISHED))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CatalogPublished");
        String withoutVersion = CATALOG_PUBLISHED.replace("\"newVersion\":2,", "");
        assertThatThrownBy(() -> CatalogPublished.from(codec.decode(withoutVersion))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newVersion");
    }

    @Test
    void everyEventGoesToTheTopicItsConsumersSubscribeTo() {
        assertThat(PublishedEvent.CATALOG_PUBLISHED.topic()).isEqualTo("cpq.catalog");
        assertThat(PublishedEvent.PRICE_LIST_PUBLISHED.topic()).isEqualTo("cpq.price-list");
        assertThat(PublishedEvent.APPROVAL_POLICY_PUBLISHED.topic()).isEqualTo("cpq.approval-policy");
        assertThat(PublishedEvent.QUOTE_ACCEPTED.topic()).isEqualTo("cpq.quote");
    }

    /** The same envelope lines and the same payload bytes as the stored event. */
    private void assertSameWire(EventEnvelope stored, ContractEvent event) throws Exception {
        assertThat(event.tenantId()).isEqualTo(stored.tenantId());
        assertThat(event.aggregateType()).isEqualTo(stored.aggregateType());
        assertThat(event.aggregateId()).isEqualTo(stored.aggregateId());
        assertThat(event.aggregateVersion()).isEqualTo(stored.aggregateVersion());
        assertThat(event.eventType()).isEqualTo(stored.eventType());
        assertThat(event.schemaVersion()).isEqualTo(stored.schemaVersion());
        JsonNode written = event.payload();
        assertThat(codec.json().writeValueAsString(written)).isEqualTo(codec.json().writeValueAsString(stored.payload()));
    }
}
