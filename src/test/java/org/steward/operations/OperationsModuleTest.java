package org.steward.operations;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/**
 * Operations (issue 14) reads the outbox through its API and writes the audit trail; the modules keeping deadlines
 * hand them in through {@link OpenDeadlines}, its only API, so it depends on none of them.
 */
class OperationsModuleTest {

    @Test
    void operations_readsOtherModulesOnlyThroughTheirApi_andExposesTheDeadlineInterface() {
        module("operations")
                .dependsOnlyOn("mail", "audit", "system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(OpenDeadlines.class);
    }
}
