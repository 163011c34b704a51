package org.steward.privacy;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;
import org.steward.privacy.erasure.Erasure;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureStatus;
import org.steward.privacy.erasure.ErasureSteps;
import org.steward.privacy.erasure.ErasureView;

/**
 * The register of personal data is a leaf every module implements (issue 9 point 1); erasure,
 * deactivation and retention, which walk it and use the modules that implement it, are modules of their
 * own inside privacy, so there is no cycle. None of them reads another capability's tables.
 */
class PrivacyModuleTest {

    @Test
    void privacy_isALeaf_exposingTheRegisterTheResidueScanAndTheRetentionSettings() {
        module("privacy")
                .dependsOnlyOn("system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(PersonalDataPlace.class, PersonalDataRegister.class, ResidueScan.class,
                        ExpiringExports.class, RetentionSettings.class);
    }

    @Test
    void erasure_usesTheRegisterAndTheApisItNeeds_andExposesItsServiceStepsAndViews() {
        module("privacy.erasure")
                .dependsOnlyOn("privacy", "members", "subjects", "mail", "tasks", "audit", "security", "system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(Erasure.class, ErasureSteps.class, ErasureView.class, ErasureStatus.class, ErasureProcess.class);
    }

    @Test
    void deactivation_handsExpiredMembersToErasure_andExposesItsServiceAndProcess() {
        module("privacy.deactivation")
                .dependsOnlyOn("privacy", "privacy.erasure", "members", "subjects", "links", "mail", "audit", "tasks",
                        "security", "system")
                .keepsEntitiesAndRepositoriesInternal();
    }

    @Test
    void retention_sweepsThroughTheApisOfDeactivationApplicationsLinksAndTheOutbox() {
        module("privacy.retention")
                .dependsOnlyOn("privacy", "privacy.deactivation", "application", "links", "mail", "members", "audit",
                        "tasks", "system");
    }
}
