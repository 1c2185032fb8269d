package dev.cpq.tests.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cpq.tests.support.DeployedSuite;
import dev.cpq.tests.support.DeployedSuite.Reply;
import dev.cpq.tests.support.QuoteDesk;
import dev.cpq.tests.support.QuotingTenant;
import dev.cpq.tests.support.Seller;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 1: the approval requirement is decided at submit from the policy in force, every line's
 * discount and the lowest limit among the roles of the quote's owner and of the submitter; above it,
 * only a SALES_MANAGER's decision approves.
 */
class PartnerDiscountApprovalScenarioTest {

    private static final String POLICY = "[{\"role\":\"PARTNER\",\"maxDiscountPercent\":5},{\"role\":\"SALES_AGENT\",\"maxDiscountPercent\":10},"
            + "{\"role\":\"SALES_MANAGER\",\"maxDiscountPercent\":25}]";

    private final QuotingTenant tenant = new QuotingTenant();

    @Test
    void aPartnersDiscountAboveItsLimitIsNeverApprovedAfterAPolicyChange() {
        tenant.pricing.approvalPolicy(POLICY);
        Seller partner = new Seller(tenant.tenant, "partner-1", "PARTNER");
        Seller manager = new Seller(tenant.tenant, "manager-1", "SALES_MANAGER");
        String quote = partner.openQuote();
        assertThat(partner.replaceLines(quote, QuoteDesk.fiberLine(1, "8")).status()).isEqualTo(200);
        Reply priced = partner.price(quote);
        assertThat(priced.status()).as(priced.body()).isEqualTo(200);
        assertThat(priced.json().at("/approval/signals")).as("8 %% is above the partner's 5 %%: %s", priced.body()).isNotEmpty();
        tenant.pricing.approvalPolicy(POLICY); // republished unchanged: a new policy version

        Reply submitted = partner.submit(quote);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode now = partner.read(quote).json();
        assertThat(now.get("status").asText()).as(now.toString()).isEqualTo("PENDING_APPROVAL");
        assertThat(now.at("/approval/signals/0/requiredRole").asText()).isEqualTo("SALES_MANAGER");
        Reply early = partner.accept(quote);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("code").asText()).isEqualTo("QUOTE_NOT_APPROVED");

        Reply decided = manager.decide(quote, "APPROVED");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        Reply accepted = partner.accept(quote);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void aManagerCannotApproveADiscountThePolicyInForceNoLongerLetsManagersGrant() {
        tenant.pricing.approvalPolicy(POLICY);
        Seller partner = new Seller(tenant.tenant, "partner-4", "PARTNER");
        Seller manager = new Seller(tenant.tenant, "manager-4", "SALES_MANAGER");
        String quote = partner.openQuote();
        assertThat(partner.replaceLines(quote, QuoteDesk.fiberLine(1, "20")).status()).isEqualTo(200);
        assertThat(partner.price(quote).status()).isEqualTo(200);
        Reply submitted = partner.submit(quote);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        // the manager's limit drops below the discount while the quote waits for a decision
        tenant.pricing.approvalPolicy("[{\"role\":\"PARTNER\",\"maxDiscountPercent\":5},{\"role\":\"SALES_AGENT\",\"maxDiscountPercent\":10},"
                + "{\"role\":\"SALES_MANAGER\",\"maxDiscountPercent\":15}]");

        Reply decided = manager.decide(quote, "APPROVED");

        assertThat(decided.status()).as("20 %% is above the manager's 15 %% in force: %s", decided.body()).isEqualTo(409);
        assertThat(decided.json().get("code").asText()).isEqualTo("DISCOUNT_NOT_APPROVABLE");
        JsonNode now = partner.read(quote).json();
        assertThat(now.get("status").asText()).as(now.toString()).isEqualTo("PENDING_APPROVAL");
        Reply accepted = partner.accept(quote);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(409);
        assertThat(DeployedSuite.get("/quote/api/quotes/" + quote + "/approvals", manager.token()).json()).as("no decision recorded").isEmpty();
    }

    @Test
    void aPartnersQuotePricedAndSubmittedByAnAgentIsJudgedByThePartnersLimit() {
        tenant.pricing.approvalPolicy(POLICY);
        Seller partner = new Seller(tenant.tenant, "partner-2", "PARTNER");
        Seller agent = new Seller(tenant.tenant, "agent-2", "SALES_AGENT");
        String quote = partner.openQuote();
        assertThat(partner.replaceLines(quote, QuoteDesk.fiberLine(1, "7")).status()).isEqualTo(200);
        Reply priced = agent.price(quote);
        assertThat(priced.status()).as(priced.body()).isEqualTo(200);

        Reply submitted = agent.submit(quote);

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode now = agent.read(quote).json();
        assertThat(now.get("status").asText()).as("7 %% is within the agent's 10 %% but above the owner's 5 %%: %s", now)
                .isEqualTo("PENDING_APPROVAL");
        assertThat(now.at("/approval/signals/0/requiredRole").asText()).isEqualTo("SALES_MANAGER");
    }

    @Test
    void aPartnersSignalNamesTheSalesManagerWhoCanDecideIt() {
        tenant.pricing.approvalPolicy(POLICY);
        Seller partner = new Seller(tenant.tenant, "partner-3", "PARTNER");
        String quote = partner.openQuote();
        assertThat(partner.replaceLines(quote, QuoteDesk.fiberLine(1, "8")).status()).isEqualTo(200);

        Reply priced = partner.price(quote);

        assertThat(priced.status()).as(priced.body()).isEqualTo(200);
        assertThat(priced.json().at("/approval/signals/0/requiredRole").asText()).as(priced.body()).isEqualTo("SALES_MANAGER");
    }

    @Test
    void aPartnerSeesNoApprovalLimitInItsQuoteOrItsCalculationWhileAnAgentDoes() {
        // API.md: approval thresholds are not visible to partners; the fields stay, as null (never omitted)
        tenant.pricing.approvalPolicy(POLICY);
        Seller partner = new Seller(tenant.tenant, "partner-5", "PARTNER");
        Seller agent = new Seller(tenant.tenant, "agent-5", "SALES_AGENT");
        String quote = partner.openQuote();
        assertThat(partner.replaceLines(quote, QuoteDesk.fiberLine(1, "8")).status()).isEqualTo(200);

        Reply priced = partner.price(quote);
        assertThat(priced.status()).as(priced.body()).isEqualTo(200);
        assertNoLimits(priced.json().at("/approval/signals"), "the partner's price answer");
        assertNoLimits(partner.read(quote).json().at("/approval/signals"), "the partner's read of its quote");
        Reply submitted = partner.submit(quote);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertNoLimits(submitted.json().at("/approval/signals"), "the partner's submit answer");

        // the stored quote keeps them: an agent of the tenant reads the partner's limit and the manager's
        JsonNode seenByAgent = agent.read(quote).json().at("/approval/signals/0");
        assertThat(seenByAgent.get("thresholdPercent").decimalValue()).as(seenByAgent.toString()).isEqualByComparingTo("5");
        assertThat(seenByAgent.get("approverMaxPercent").decimalValue()).as(seenByAgent.toString()).isEqualByComparingTo("25");

        String calculation = "{\"catalogVersion\":" + tenant.catalogVersion + ",\"currency\":\"EUR\",\"market\":\"eu\",\"channel\":\"direct\","
                + "\"lines\":[{\"offeringId\":\"fiber-1g\",\"options\":{\"speed\":\"1G\",\"router\":\"pro\"},\"quantity\":1,"
                + "\"termMonths\":24,\"discountPercent\":12}]}";
        Reply byPartner = DeployedSuite.call("POST", "/pricing/api/price-calculations", partner.token(), calculation);
        assertThat(byPartner.status()).as(byPartner.body()).isBetween(200, 201);
        assertNoLimits(byPartner.json().get("approvalSignals"), "the partner's calculation");
        String id = byPartner.json().get("priceResultId").asText();
        assertNoLimits(DeployedSuite.get("/pricing/api/price-calculations/" + id, partner.token()).json().get("approvalSignals"),
                "the partner's read of its calculation");

        Reply byAgent = DeployedSuite.call("POST", "/pricing/api/price-calculations", agent.token(), calculation);
        assertThat(byAgent.status()).as(byAgent.body()).isBetween(200, 201);
        JsonNode signal = byAgent.json().at("/approvalSignals/0");
        assertThat(signal.get("thresholdPercent").decimalValue()).as("12 %% is above the agent's 10 %%: %s", signal).isEqualByComparingTo("10");
        assertThat(signal.get("approverMaxPercent").decimalValue()).as(signal.toString()).isEqualByComparingTo("25");
    }

    private static void assertNoLimits(JsonNode signals, String where) {
        assertThat(signals.isArray() && !signals.isEmpty()).as("%s has signals: %s", where, signals).isTrue();
        for (JsonNode s : signals) {
            assertThat(s.has("thresholdPercent") && s.has("approverMaxPercent")).as("%s: fields never omitted: %s", where, s).isTrue();
            assertThat(s.get("thresholdPercent").isNull()).as("%s: %s", where, s).isTrue();
            assertThat(s.get("approverMaxPercent").isNull()).as("%s: %s", where, s).isTrue();
            assertThat(s.get("requiredRole").asText()).as(where).isEqualTo("SALES_MANAGER");
        }
    }
}
