package org.steward.mail;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** The outbox: its table stays behind MailOutbox (issue 15) and is declared in the register of personal data (issue 9). */
class MailModuleTest {

    @Test
    void mail_usesOnlySystemAndTheRegister_andKeepsTheOutboxTableInternal() {
        module("mail")
                .dependsOnlyOn("system", "privacy")
                .keepsEntitiesAndRepositoriesInternal();
    }
}
