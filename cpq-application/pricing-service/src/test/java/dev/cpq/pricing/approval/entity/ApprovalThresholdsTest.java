package dev.cpq.pricing.approval.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cpq.pricing.money.entity.DiscountPercent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalThresholdsTest {

    /** Agents up to 10 %, managers up to 25 %, partners up to 5 %. */
    private static final ApprovalThresholds V3 = new ApprovalThresholds(3, List.of(limit(ApproverRole.SALES_AGENT, "10"),
            limit(ApproverRole.SALES_MANAGER, "25"), limit(ApproverRole.PARTNER, "5")));

    private static ApprovalThresholds.Limit limit(ApproverRole role, String percent) {
        return new ApprovalThresholds.Limit(role, new BigDecimal(percent));
    }

    private static Optional<ApprovalSignal> signal(ApprovalThresholds policy, String discount, CallerClass caller) {
        return policy.signalFor(2, "fiber-100", DiscountPercent.of(discount), caller);
    }

    @Test
    void aDiscountWithinTheAgentsLimitNeedsNoApproval() {
        assertThat(signal(V3, "0", CallerClass.SALES_AGENT)).isEmpty();
        assertThat(signal(V3, "10", CallerClass.SALES_AGENT)).isEmpty();
    }

    @Test
    void aboveTheAgentsLimitAManagerIsRequiredUpToTheManagersLimit() {
        ApprovalSignal s = signal(V3, "10.01", CallerClass.SALES_AGENT).orElseThrow();
        assertThat(s.lineIndex()).isEqualTo(2);
        assertThat(s.offeringId()).isEqualTo("fiber-100");
        assertThat(s.discountPercent()).isEqualByComparingTo("10.01");
        assertThat(s.requiredRole()).isEqualTo(ApproverRole.SALES_MANAGER);
        assertThat(s.thresholdPercent()).isEqualByComparingTo("10");
        assertThat(s.approverMaxPercent()).isEqualByComparingTo("25");
        assertThat(s.reason()).isEqualTo("DISCOUNT_ABOVE_THRESHOLD");
        assertThat(s.approvable()).isTrue();
        assertThat(signal(V3, "25", CallerClass.SALES_AGENT).orElseThrow().approvable()).isTrue();
    }

    @Test
    void aboveEveryLimitTheSignalSaysNobodyMayApprove() {
        ApprovalSignal s = signal(V3, "25.01", CallerClass.SALES_AGENT).orElseThrow();
        assertThat(s.approvable()).isFalse();
        assertThat(s.requiredRole()).isEqualTo(ApproverRole.SALES_MANAGER);
        assertThat(s.approverMaxPercent()).isEqualByComparingTo("25");
    }

    @Test
    void partnersAreCheckedAgainstThePartnerLimitAndTheirSignalsNameTheSalesManagerWhoDecides() {
        assertThat(signal(V3, "5", CallerClass.PARTNER)).isEmpty();
        ApprovalSignal withinAgentsLimit = signal(V3, "7.5", CallerClass.PARTNER).orElseThrow();
        // approvers are managers (API.md): an agent named here would get 403 deciding it
        assertThat(withinAgentsLimit.requiredRole()).isEqualTo(ApproverRole.SALES_MANAGER);
        assertThat(withinAgentsLimit.thresholdPercent()).isEqualByComparingTo("5");
        assertThat(withinAgentsLimit.approvable()).isTrue();
        assertThat(signal(V3, "12", CallerClass.PARTNER).orElseThrow().requiredRole()).isEqualTo(ApproverRole.SALES_MANAGER);
        assertThat(signal(V3, "30", CallerClass.PARTNER).orElseThrow().approvable()).isFalse();
    }

    @Test
    void withoutAPartnerLimitPartnersHaveTheAgentsLimit() {
        ApprovalThresholds noPartner = new ApprovalThresholds(4, List.of(limit(ApproverRole.SALES_AGENT, "10"),
                limit(ApproverRole.SALES_MANAGER, "25")));
        assertThat(signal(noPartner, "10", CallerClass.PARTNER)).isEmpty();
        assertThat(signal(noPartner, "11", CallerClass.PARTNER).orElseThrow().requiredRole()).isEqualTo(ApproverRole.SALES_MANAGER);
    }

    @Test
    void aRoleWithoutLimitGrantsNothing() {
        ApprovalThresholds managersOnly = new ApprovalThresholds(5, List.of(limit(ApproverRole.SALES_MANAGER, "20")));
        ApprovalSignal s = signal(managersOnly, "0.01", CallerClass.SALES_AGENT).orElseThrow();
        assertThat(s.thresholdPercent()).isEqualByComparingTo("0");
        assertThat(s.requiredRole()).isEqualTo(ApproverRole.SALES_MANAGER);
        ApprovalThresholds agentsOnly = new ApprovalThresholds(6, List.of(limit(ApproverRole.SALES_AGENT, "10")));
        ApprovalSignal none = signal(agentsOnly, "15", CallerClass.SALES_AGENT).orElseThrow();
        assertThat(none.approvable()).isFalse();
        assertThat(none.approverMaxPercent()).isNull();
    }

    @Test
    void withoutAnyPolicyEveryDiscountNeedsAManager() {
        ApprovalThresholds none = ApprovalThresholds.none();
        assertThat(none.policyVersion()).isZero();
        assertThat(signal(none, "0", CallerClass.SALES_AGENT)).isEmpty();
        ApprovalSignal s = signal(none, "0.01", CallerClass.PARTNER).orElseThrow();
        assertThat(s.requiredRole()).isEqualTo(ApproverRole.SALES_MANAGER);
        assertThat(s.approvable()).isTrue();
        assertThat(s.thresholdPercent()).isEqualByComparingTo("0");
    }

    @Test
    void signalsFollowThePolicyVersion() {
        ApprovalThresholds v4 = new ApprovalThresholds(4, List.of(limit(ApproverRole.SALES_AGENT, "15"), limit(ApproverRole.SALES_MANAGER, "30")));
        assertThat(signal(V3, "12", CallerClass.SALES_AGENT)).isPresent();
        assertThat(signal(v4, "12", CallerClass.SALES_AGENT)).isEmpty();
        assertThat(signal(V3, "28", CallerClass.SALES_AGENT).orElseThrow().approvable()).isFalse();
        assertThat(signal(v4, "28", CallerClass.SALES_AGENT).orElseThrow().approvable()).isTrue();
    }
}
