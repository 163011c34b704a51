package org.steward.subjects;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** The register of people we hold data about: a leaf every module may use (issue 15). */
class SubjectsModuleTest {

    @Test
    void subjects_usesOnlySystem_andExposesItsServiceTheViewAndTheUsageSpi() {
        module("subjects")
                .dependsOnlyOn("system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(DataSubjects.class, Subject.class, SubjectUsage.class);
    }
}
