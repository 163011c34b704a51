package org.steward.matching;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/**
 * Matching (issue 12): members, profiles and the do-not-process check only through their APIs (DSR-6, DSR-8),
 * MAT-5 consent through the consent check, mail through the outbox, links through the link service; nothing
 * depends back on matching (it learns of admissions and deactivations from events; ModuleStructureTest
 * keeps the graph free of cycles). Its tables stay its own.
 */
class MatchingModuleTest {

    @Test
    void matching_usesOnlyTheApisItNeeds_andExposesItsServicesProcessesAndSettings() {
        module("matching")
                .dependsOnlyOn("members", "organisations", "consent", "privacy", "links", "mail", "audit", "tasks",
                        "security", "system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(MatchRequests.class, Matches.class, MatchProfiles.class, MatchingProcesses.class,
                        MatchingProperties.class, CandidateScore.class, Criterion.class);
    }
}
