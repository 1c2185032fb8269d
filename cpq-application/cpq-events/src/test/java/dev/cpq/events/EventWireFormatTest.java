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
 * tables hold them today (copied from {@code outbox_event.envelope}) decode into the typed events, and the
 * typed events write the same payload bytes.
 */
class EventWireFormatTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();

    // catalog_svc.outbox_event, a second publication
    static final String CATALOG_PUBLISHED = """
            {"eventId":"5c2ae0a3-3b43-4b7e-9a55-0d7f1e6b2f10","tenantId":"tnt-001","aggregateType":"Catalog","aggregateId":"catalog",\
            "aggregateVersion":2,"eventType":"CatalogPublished","occurredAt":"2026-12-07T06:02:11.482913Z","schemaVersion":1,\
            "payload":{"newVersion":2,"versionSequence":2,"previousVersion":1},"traceId":"req-cat-2"}""";

    // pricing_svc.outbox_event, a price list's first publication
    static final String PRICE_LIST_PUBLISHED = """
            {"eventId":"0b7d6a55-1c9e-4b8f-a1f2-6f3e2d1c0b9a","tenantId":"tnt-001","aggregateType":"PriceList","aggregateId":"eu-standard",\
            "aggregateVersion":1,"eventType":"PriceListPublished","occurredAt":"2026-12-07T06:02:12.107554Z","schemaVersion":1,\
            "payload":{"priceListId":"eu-standard","newVersion":1,"previousVersion":null,"stalenessPolicy":"REPRICE_REQUIRED_ON_PUBLISH"},\
            "traceId":"req-pl-1"}""";

    // pricing_svc.outbox_event, a policy replaced once
    static final String APPROVAL_POLICY_PUBLISHED = """
            {"eventId":"9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4","tenantId":"tnt-001","aggregateType":"ApprovalPolicy",\
            "aggregateId":"approval-policy","aggregateVersion":2,"eventType":"ApprovalPolicyPublished",\
            "occurredAt":"2026-12-07T06:02:13.900120Z","schemaVersion":1,"payload":{"newVersion":2,"previousVersion":1},"traceId":null}""";

    // quote_svc.outbox_event, an accepted quote
    static final String QUOTE_ACCEPTED = """
            {"eventId":"3f2e1d0c-9b8a-4776-8554-433221100fed","tenantId":"tnt-001","aggregateType":"Quote",\
            "aggregateId":"7d3f0f4e-8c1b-4a55-9e2d-1b6c0a9f8e77","aggregateVersion":9,"eventType":"QuoteAccepted",\
            "occurredAt":"2026-12-07T06:04:40.311876Z","schemaVersion":1,"payload":{"quoteId":"7d3f0f4e-8c1b-4a55-9e2d-1b6c0a9f8e77",\
            "quoteRevisionId":"0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6","priceResultId":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",\
            "totals":{"currency":"EUR","listTotal":"1200.00","netTotal":"1080.00","discountTotal":"120.00"},"currency":"EUR",\
            "customerId":"cust-42","snapshotHash":"sha256:6b1f0e0c"},"traceId":"req-acc-1"}""";

    @Test
    void todaysCatalogPublishedDecodesAndIsWrittenTheSame() throws Exception {
        EventEnvelope envelope = codec.decode(CATALOG_PUBLISHED);
        CatalogPublished event = CatalogPublished.from(envelope);
        assertThat(event).isEqualTo(CatalogPublished.of("tnt-001", 2, Optional.of(1L)));
        assertSameWire(envelope, event);
    }

    @Test
    void todaysPriceListPublishedDecodesAndIsWrittenTheSame() throws Exception {
        EventEnvelope envelope = codec.decode(PRICE_LIST_PUBLISHED);
        PriceListPublished event = PriceListPublished.from(envelope);
        assertThat(event).isEqualTo(PriceListPublished.of("tnt-001", "eu-standard", 1, Optional.empty(), "REPRICE_REQUIRED_ON_PUBLISH"));
        assertSameWire(envelope, event);
    }

    @Test
    void todaysApprovalPolicyPublishedDecodesAndIsWrittenTheSame() throws Exception {
        EventEnvelope envelope = codec.decode(APPROVAL_POLICY_PUBLISHED);
        ApprovalPolicyPublished event = ApprovalPolicyPublished.from(envelope);
        assertThat(event).isEqualTo(ApprovalPolicyPublished.of("tnt-001", 2));
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
