package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The quote's answers as API.md lists them: every listed field present, the accepted snapshot linked. */
class QuoteContractIT {

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void aDraftAnswersTheFieldsItDoesNotKnowYetAsNullNotAbsent() {
        QuoteDesk quote = tenant.newQuote();
        JsonNode draft = quote.read();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        for (String field : new String[] {"catalogVersion", "priceListVersion", "configurationHash", "priceResultId", "priceHash",
            "validUntil", "approval", "orderId"}) {
            assertThat(draft.has(field)).as(field + " present in " + draft).isTrue();
        }
        for (String field : new String[] {"catalogVersion", "priceResultId", "priceHash", "approval", "orderId"}) {
            assertThat(draft.get(field).isNull()).as(field + " is null in a draft").isTrue();
        }
    }

    @Test
    void theAcceptAnswerLinksTheImmutableSnapshotOfTheAcceptedRevision() {
        QuoteDesk quote = tenant.newQuote();
        JsonNode approved = quote.approvedWithoutApprover();
        String revisionId = approved.get("revisionId").asText();
        String key = "accept-" + UUID.randomUUID();
        String ifMatch = quote.etag();

        Reply accepted = quote.accept(revisionId, approved.get("priceResultId").asText(), key);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String link = accepted.header("Link").orElseThrow(() -> new AssertionError("no Link header: " + accepted.headers()));
        Matcher m = Pattern.compile("<([^>]+)>;\\s*rel=\"snapshot\"").matcher(link);
        assertThat(m.find()).as(link).isTrue();
        String target = m.group(1);
        assertThat(target).endsWith("/quote/api/quotes/" + quote.id() + "/revisions/" + revisionId + "/snapshot");
        Reply snapshot = DeployedSuite.get(target.substring(target.indexOf("/quote/api/")), tenant.agent());
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(200);
        // a replay of the accept links the same snapshot
        Reply replay = quote.acceptAt(ifMatch, revisionId, approved.get("priceResultId").asText(), key);
        assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.header("Link")).hasValue(link);
    }
}
