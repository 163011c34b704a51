package org.steward.privacy;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;
import org.steward.privacy.erasure.Erasure;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureStatus;
import org.steward.privacy.erasure.ErasureSteps;
import org.steward.privacy.erasure.ErasureView;

/**
 * The register of personal data is a leaf every module implements (issue 9 point 1); erasure, which
 * walks it and uses the modules that implement it, is a module of its own inside privacy, so no cycle.
 */
class PrivacyModuleTest {

    @Test
    void privacy_isALeaf_exposingTheRegisterAndTheResidueScan() {
        module("privacy")
                .dependsOnlyOn("system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(PersonalDataPlace.class, PersonalDataRegister.class, ResidueScan.class);
    }

    @Test
    void erasure_usesTheRegisterAndTheApisItNeeds_andExposesItsServiceStepsAndViews() {
        module("privacy.erasure")
                .dependsOnlyOn("privacy", "members", "subjects", "mail", "tasks", "audit", "security", "system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(Erasure.class, ErasureSteps.class, ErasureView.class, ErasureStatus.class, ErasureProcess.class);
    }
}
