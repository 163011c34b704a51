package org.steward.consent;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;

/**
 * Consent (issue 11): one service per job, its tables behind them, members and subjects only through
 * their APIs; the outbox and the register of personal data reach consent only through the interfaces
 * they define (OutgoingMailPolicy, PurposeConsent, PersonalDataPlace), so nothing depends back on it
 * but the admission hook (APP-6).
 */
class ConsentModuleTest {

    @Test
    void consent_usesOnlyTheApisItNeeds_andExposesOneServicePerJob() {
        module("consent")
                .dependsOnlyOn("members", "subjects", "mail", "links", "audit", "privacy", "security", "system", "tasks")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(ConsentLedger.class, ConsentCheck.class, ConsentChoices.class, ConsentRequests.class,
                        ConsentRenewals.class, Newsletters.class, PromotionReleases.class, PolicyChanges.class,
                        FriendInvitations.class, Purposes.class, Purpose.class, ConsentProcesses.class, ConsentProperties.class,
                        LedgerEntry.class, CurrentConsent.class, ConsentAction.class, Channel.class,
                        NewsletterRequest.class, PolicyRequest.class, ReleaseRequest.class);
    }
}
