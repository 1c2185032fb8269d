package dev.cpq.pricing.publication.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.messaging.event.EnvelopeCodec;
import dev.cpq.messaging.invalidation.PriceListPublishedCacheInvalidator;
import dev.cpq.pricing.approval.entity.ApprovalPolicyPublished;
import dev.cpq.pricing.pricelist.entity.PriceList;
import dev.cpq.pricing.pricelist.entity.PriceListId;
import dev.cpq.pricing.pricelist.entity.PriceListTerms;
import dev.cpq.pricing.pricelist.entity.PriceListVersion;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceListPublishedTest {

    private static final PriceListId EU = new PriceListId("eu-standard");

    private static PriceList published(long version) {
        PriceList p = PriceList.draft("tnt-001", EU, new PriceListVersion(version), PriceListTerms.initial(EU), Instant.EPOCH);
        p.publish(Instant.EPOCH);
        return p;
    }

    @Test
    void carriesWhatThePointerInvalidatorReadsAndGoesToThePriceListTopic() {
        PriceList v1 = published(1);
        v1.supersede();
        PriceListPublished event = PriceListPublished.of(published(2), Optional.of(v1));

        assertThat(event.eventType()).isEqualTo(PriceListPublishedCacheInvalidator.EVENT_TYPE);
        assertThat(EnvelopeCodec.topicOf(event.aggregateType())).isEqualTo("cpq.price-list");
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
        assertThat(PriceListPublished.of(published(1), Optional.empty()).payload().get("previousVersion").isNull()).isTrue();
    }

    @Test
    void approvalPoliciesGoToTheirOwnTopic() {
        ApprovalPolicyPublished event = new ApprovalPolicyPublished("tnt-001", 3, 2);
        assertThat(EnvelopeCodec.topicOf(event.aggregateType())).isEqualTo("cpq.approval-policy");
        assertThat(event.aggregateId()).isEqualTo("approval-policy");
        assertThat(event.aggregateVersion()).isEqualTo(3);
        assertThat(event.payload().get("newVersion").asLong()).isEqualTo(3);
    }
}
