package org.steward.privacy.holds;

/**
 * Why records are kept (DSR-4). The label is what the person is told; the officer's own reason stays
 * internal.
 */
public enum HoldKind {
    /** Billing and donation records: kept up to 7 years; an end date is required. */
    BILLING_OR_DONATION("Billing and donation records, which the law requires us to keep for up to 7 years"),
    /** Records in an open dispute: kept until the dispute is resolved and the hold released. */
    OPEN_DISPUTE("Records concerned by an open dispute, kept until it is resolved"),
    /** Records under another legal obligation, until its end date if it has one, else until released. */
    LEGAL_OBLIGATION("Records we are legally obliged to keep");

    private final String label;

    HoldKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
