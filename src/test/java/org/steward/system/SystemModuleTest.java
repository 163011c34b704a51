package org.steward.system;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** System is the shared base: it may name staff groups, nothing else (issue 15). */
class SystemModuleTest {

    @Test
    void system_dependsOnNoBusinessModule() {
        module("system")
                .dependsOnlyOn("security")
                .keepsEntitiesAndRepositoriesInternal();
    }
}
