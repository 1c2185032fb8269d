package dev.cpq.pricing.approval.entity;

/** The roles an approval policy gives a discount limit. */
public enum ApproverRole {
    SALES_AGENT,
    SALES_MANAGER,
    PARTNER
}
