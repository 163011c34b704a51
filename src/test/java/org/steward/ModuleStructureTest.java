package org.steward;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Package-by-capability, kept honest: no cycles, and modules use each other only through their root package. */
class ModuleStructureTest {

    @Test
    void capabilitiesDependOnEachOtherOnlyThroughTheirApi() {
        ApplicationModules.of(StewardApplication.class).verify();
    }
}
