package org.steward.breach;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/**
 * Breach notification: one service per job, and members only through their API (issue 15). Its task forms
 * are built the one way (tasks); deadlines and approvals have their own append-only records (issue 7 finding 2).
 */
class BreachModuleTest {

    @Test
    void breach_usesOnlyTheApisItNeeds_andExposesOneServicePerJob() {
        module("breach")
                .dependsOnlyOn("members", "organisations", "subjects", "mail", "security", "system", "tasks", "privacy", "audit",
                        "operations")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(IncidentIntake.class, IncidentRecords.class, IncidentNotices.class, MemberNotices.class,
                        Incidents.class, IncidentDeadlines.class, IncidentApprovals.class, BreachSettings.class,
                        BreachProcess.class, IncidentRequest.class, ReportKind.class);
    }
}
