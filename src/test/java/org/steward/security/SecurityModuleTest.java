package org.steward.security;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** Security depends on no business module (issue 15). */
class SecurityModuleTest {

    @Test
    void security_usesOnlySystem() {
        module("security")
                .dependsOnlyOn("system")
                .keepsEntitiesAndRepositoriesInternal();
    }
}
