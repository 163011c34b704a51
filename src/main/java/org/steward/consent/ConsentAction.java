package org.steward.consent;

/** What a ledger row records (CON-1 to CON-3). GRANTED and RENEWED leave the consent given until its expiry. */
public enum ConsentAction {
    GRANTED, DECLINED, WITHDRAWN, RENEWED, LAPSED;

    public boolean grants() {
        return this == GRANTED || this == RENEWED;
    }
}
