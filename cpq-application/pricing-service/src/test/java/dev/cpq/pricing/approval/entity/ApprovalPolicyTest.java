package dev.cpq.pricing.approval.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cpq.events.pricing.ApprovalPolicyPublished;
import dev.cpq.platform.security.entity.Roles;
import dev.cpq.pricing.money.entity.DiscountPercent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    private static ApprovalThreshold t(ApproverRole role, String percent) {
        return ApprovalThreshold.of(role, DiscountPercent.of(percent));
    }

    @Test
    void eachPolicyFollowsTheCurrentVersion() {
        ApprovalPolicy first = ApprovalPolicy.following(0, "tnt-001", List.of(t(ApproverRole.SALES_MANAGER, "20"), t(ApproverRole.SALES_AGENT, "10")),
                "admin", Instant.EPOCH);
        assertThat(first.policyVersion()).isEqualTo(1);
        assertThat(first.thresholds()).extracting(ApprovalThreshold::role).containsExactly(ApproverRole.SALES_AGENT, ApproverRole.SALES_MANAGER);
        assertThat(ApprovalPolicy.following(7, "tnt-001", List.of(t(ApproverRole.PARTNER, "5")), "admin", Instant.EPOCH).policyVersion())
                .isEqualTo(8);
        assertThat(ApprovalThresholds.of(first).limits()).hasSize(2);
        assertThat(ApprovalPolicyPublished.of(first.tenantId(), first.policyVersion()).payload().get("newVersion").asLong()).isEqualTo(1);
        assertThat(ApprovalPolicyPublished.of(first.tenantId(), first.policyVersion()).payload().get("previousVersion").isNull()).isTrue();
    }

    @Test
    void aRoleIsListedOnce() {
        assertThatThrownBy(() -> ApprovalPolicy.requireValid(List.of(t(ApproverRole.SALES_AGENT, "10"), t(ApproverRole.SALES_AGENT, "12"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void aPolicyNamesAtLeastOneLimit() {
        assertThatThrownBy(() -> ApprovalPolicy.requireValid(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void managersMayGrantAtLeastWhatAgentsMay() {
        assertThatThrownBy(() -> ApprovalPolicy.requireValid(List.of(t(ApproverRole.SALES_AGENT, "20"), t(ApproverRole.SALES_MANAGER, "10"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below");
        ApprovalPolicy.requireValid(List.of(t(ApproverRole.SALES_AGENT, "20"), t(ApproverRole.SALES_MANAGER, "20"), t(ApproverRole.PARTNER, "30")));
    }

    @Test
    void callersPriceAsAgentsUnlessTheyArePartnersOnly() {
        assertThat(CallerClass.of(Set.of(Roles.SALES_AGENT))).isEqualTo(CallerClass.SALES_AGENT);
        assertThat(CallerClass.of(Set.of(Roles.PARTNER))).isEqualTo(CallerClass.PARTNER);
        assertThat(CallerClass.of(Set.of(Roles.PARTNER, Roles.SALES_AGENT))).isEqualTo(CallerClass.SALES_AGENT);
        assertThatThrownBy(() -> CallerClass.of(Set.of(Roles.OPERATOR))).isInstanceOf(IllegalArgumentException.class);
    }
}
