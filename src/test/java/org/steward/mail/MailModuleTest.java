package org.steward.mail;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** The outbox: its table stays behind MailOutbox (issue 15). */
class MailModuleTest {

    @Test
    void mail_usesOnlySystem_andKeepsTheOutboxTableInternal() {
        module("mail")
                .dependsOnlyOn("system")
                .keepsEntitiesAndRepositoriesInternal();
    }
}
