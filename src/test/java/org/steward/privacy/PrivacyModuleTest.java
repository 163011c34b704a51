package org.steward.privacy;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/**
 * Privacy works on other capabilities only through their APIs (issue 9): deactivation and retention ask
 * members, links, the outbox and applications to act on their own data; nothing reads their tables.
 */
class PrivacyModuleTest {

    @Test
    void privacy_usesOnlyTheApisItNeeds_andExposesTheRegisterDeactivationAndRetentionHooks() {
        module("privacy")
                .dependsOnlyOn("members", "subjects", "application", "mail", "links", "audit", "tasks", "security", "system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(PersonalDataPlace.class, ResidueScan.class, SubjectAnonymiser.class, ExpiringExports.class,
                        Deactivations.class, DeactivationProcess.class, DeactivationStatus.class);
    }
}
