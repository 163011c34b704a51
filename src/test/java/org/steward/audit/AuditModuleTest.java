package org.steward.audit;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/**
 * The audit module: the trail (AUD-3) and the auditors' view (AUD-2, AUD-4). It reads the engine's history,
 * the outbox through the mail module's API and deadlines through {@link CaseDeadlines}, which the modules that
 * keep deadlines implement, so it never depends on them (breach, application depend on the trail).
 */
class AuditModuleTest {

    @Test
    void audit_readsOtherModulesOnlyThroughTheirApi() {
        module("audit")
                .dependsOnlyOn("privacy", "mail", "security", "system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(AuditTrail.class, CaseDeadlines.class, RequestCompliance.class, ConsentStates.class);
    }
}
