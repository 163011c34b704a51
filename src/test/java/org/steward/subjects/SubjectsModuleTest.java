package org.steward.subjects;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** The register of people we hold data about: used by every module, using only system and the register of personal data (issue 15). */
class SubjectsModuleTest {

    @Test
    void subjects_usesOnlySystemAndTheRegister_andExposesItsServiceTheViewAndTheUsageSpi() {
        module("subjects")
                .dependsOnlyOn("system", "privacy")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(DataSubjects.class, Subject.class, SubjectUsage.class);
    }
}
