package org.steward.links;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** Emailed links: only LinkService touches the token table (issue 15). */
class LinksModuleTest {

    @Test
    void links_usesOnlySystem_andKeepsTheTokenTableInternal() {
        module("links")
                .dependsOnlyOn("system")
                .keepsEntitiesAndRepositoriesInternal();
    }
}
