package dev.cpq.quote.core.entity;

/**
 * DRAFT -> PRICED -> PENDING_APPROVAL | APPROVED -> ACCEPTED. REJECTED ends a revision (a new line edit
 * starts a new revision in DRAFT); ACCEPTED and EXPIRED end the quote.
 */
public enum QuoteStatus {
    DRAFT, PRICED, PENDING_APPROVAL, APPROVED, REJECTED, ACCEPTED, EXPIRED;

    /** Lines may be replaced (starting a new revision). */
    public boolean editable() {
        return this != ACCEPTED && this != EXPIRED;
    }

    /** The current revision may be (re)priced: a new price result makes any earlier approval stale. */
    public boolean priceable() {
        return this == DRAFT || this == PRICED || this == PENDING_APPROVAL || this == APPROVED;
    }
}
