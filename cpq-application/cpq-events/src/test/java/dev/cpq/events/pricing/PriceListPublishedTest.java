package dev.cpq.events.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.events.PublishedEvent;
import dev.cpq.messaging.event.EnvelopeCodec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceListPublishedTest {

    @Test
    void carriesWhatThePointerInvalidatorReadsAndGoesToThePriceListTopic() {
        PriceListPublished event = PriceListPublished.of("tnt-001", "eu-standard", 2, Optional.of(1L), "REPRICE_REQUIRED_ON_PUBLISH");

        assertThat(event.eventType()).isEqualTo(PriceListPublished.TYPE);
        assertThat(EnvelopeCodec.topicOf(event.aggregateType())).isEqualTo("cpq.price-list").isEqualTo(PublishedEvent.PRICE_LIST_PUBLISHED.topic());
        assertThat(event.aggregateId()).isEqualTo("eu-standard");
        assertThat(event.aggregateVersion()).isEqualTo(2);
        assertThat(event.tenantId()).isEqualTo("tnt-001");
        JsonNode p = event.payload();
        assertThat(p.get("priceListId").asText()).isEqualTo("eu-standard");
        assertThat(p.get("newVersion").asLong()).isEqualTo(2);
        assertThat(p.get("previousVersion").asLong()).isEqualTo(1);
        assertThat(p.get("stalenessPolicy").asText()).isEqualTo("REPRICE_REQUIRED_ON_PUBLISH");
    }

    @Test
    void theFirstPublicationHasNoPreviousVersion() {
        assertThat(PriceListPublished.of("tnt-001", "eu-standard", 1, Optional.empty(), "REPRICE_REQUIRED_ON_PUBLISH").payload()
                .get("previousVersion").isNull()).isTrue();
    }

    @Test
    void approvalPoliciesGoToTheirOwnTopic() {
        ApprovalPolicyPublished event = ApprovalPolicyPublished.of("tnt-001", 3);
        assertThat(EnvelopeCodec.topicOf(event.aggregateType())).isEqualTo("cpq.approval-policy");
        assertThat(event.aggregateId()).isEqualTo("approval-policy");
        assertThat(event.aggregateVersion()).isEqualTo(3);
        assertThat(event.payload().get("newVersion").asLong()).isEqualTo(3);
        assertThat(event.payload().get("previousVersion").asLong()).isEqualTo(2);
    }
}
