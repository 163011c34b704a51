package org.steward.application;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/** Applications: one service per job, entities and repositories internal (issue 15). */
class ApplicationModuleTest {

    @Test
    void application_usesOnlyTheApisItNeeds_andExposesOneServicePerJob() {
        module("application")
                .dependsOnlyOn("members", "organisations", "subjects", "mail", "links", "security", "system", "tasks", "consent")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(ApplicationIntake.class, ApplicationDecisions.class, Admission.class,
                        ApplicationReviews.class, ReferenceService.class, ApplicationProcess.class,
                        ApplicationRequest.class, ReferenceAnswer.class, Recommendation.class);
    }
}
