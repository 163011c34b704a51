package org.steward.links;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** Emailed links: only LinkService touches the token table (issue 15); the table is declared in the register of personal data (issue 9). */
class LinksModuleTest {

    @Test
    void links_usesOnlySystemAndTheRegister_andKeepsTheTokenTableInternal() {
        module("links")
                .dependsOnlyOn("system", "privacy")
                .keepsEntitiesAndRepositoriesInternal();
    }
}
