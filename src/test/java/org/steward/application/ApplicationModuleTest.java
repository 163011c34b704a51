package org.steward.application;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/**
 * Applications: one service per job, entities and repositories internal (issue 15). EmailConfirmation is
 * the job added for issue 7 finding 6; the audit trail records the state changes (AUD-3).
 */
class ApplicationModuleTest {

    @Test
    void application_usesOnlyTheApisItNeeds_andExposesOneServicePerJob() {
        module("application")
                .dependsOnlyOn("members", "organisations", "subjects", "mail", "links", "security", "system", "tasks", "audit", "privacy", "consent")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(ApplicationIntake.class, EmailConfirmation.class, ApplicationDecisions.class, Admission.class,
                        ApplicationReviews.class, ReferenceService.class, ApplicationProcess.class,
                        ApplicationRequest.class, ReferenceAnswer.class, Recommendation.class, RefereeDataRetention.class);
    }
}
