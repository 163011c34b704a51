package org.steward.privacy;

import static org.steward.support.ModuleContract.module;

import org.junit.jupiter.api.Test;
import org.steward.privacy.erasure.Erasure;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureStatus;
import org.steward.privacy.erasure.ErasureSteps;
import org.steward.privacy.erasure.ErasureView;
import org.steward.privacy.holds.HoldKind;
import org.steward.privacy.holds.LegalHold;
import org.steward.privacy.holds.LegalHoldReleased;
import org.steward.privacy.holds.LegalHolds;
import org.steward.privacy.processors.ErasureInstructions;
import org.steward.privacy.processors.Instruction;
import org.steward.privacy.processors.InstructionStatus;
import org.steward.privacy.processors.Processor;
import org.steward.privacy.processors.ProcessorInstructionProcess;
import org.steward.privacy.processors.Processors;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.ExportFile;
import org.steward.privacy.requests.OfficerReminders;
import org.steward.privacy.requests.OrganisationNotices;
import org.steward.privacy.requests.Rectifications;
import org.steward.privacy.requests.PrivacyRequests;
import org.steward.privacy.requests.OrganisationNotices;
import org.steward.privacy.requests.Rectifications;
import org.steward.privacy.requests.RequestDeadline;
import org.steward.privacy.requests.RequestExtensions;
import org.steward.privacy.requests.RequestActions;
import org.steward.privacy.requests.RequestDeadline;
import org.steward.privacy.requests.RequestExtensions;
import org.steward.privacy.requests.RequestReviews;
import org.steward.privacy.requests.RequestStatus;
import org.steward.privacy.requests.RequestSteps;
import org.steward.privacy.requests.RequestType;
import org.steward.privacy.requests.RequestView;

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
                        ExpiringExports.class, RetentionSettings.class, ProcessingRestrictions.class);
    }

    @Test
    void erasure_usesTheRegisterAndTheApisItNeeds_andExposesItsServiceStepsAndViews() {
        module("privacy.erasure")
                .dependsOnlyOn("privacy", "privacy.holds", "privacy.processors", "members", "subjects", "mail", "tasks", "audit",
                        "security", "system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(Erasure.class, ErasureSteps.class, ErasureView.class, ErasureStatus.class, ErasureProcess.class);
    }

    @Test
    void holds_knowTheRegisterAndWhoThePersonIs_andExposeTheirServiceAndRelease_DSR4() {
        module("privacy.holds")
                .dependsOnlyOn("privacy", "members", "subjects", "audit", "system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(LegalHolds.class, LegalHold.class, HoldKind.class, LegalHoldReleased.class);
    }

    @Test
    void processors_sendInstructionsThroughLinksAndMail_knowingNothingOfErasure_DSR7() {
        module("privacy.processors")
                .dependsOnlyOn("privacy", "links", "mail", "tasks", "audit", "security", "system")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(Processors.class, Processor.class, ErasureInstructions.class, Instruction.class,
                        InstructionStatus.class, ProcessorInstructionProcess.class);
    }

    @Test
    void deactivation_handsExpiredMembersToErasure_andExposesItsServiceAndProcess() {
        module("privacy.deactivation")
                .dependsOnlyOn("privacy", "privacy.erasure", "members", "subjects", "links", "mail", "audit", "tasks",
                        "security", "system")
                .keepsEntitiesAndRepositoriesInternal();
    }

    @Test
    void requests_handOffToErasureAndDeactivation_andExposeTheirServicesViewsAndProcess() {
        module("privacy.requests")
                .dependsOnlyOn("privacy", "privacy.erasure", "privacy.deactivation", "members", "subjects", "organisations", "links", "mail",
                        "audit", "tasks", "security", "system", "operations")
                .keepsEntitiesAndRepositoriesInternal()
                .exposesOnly(PrivacyRequests.class, RequestSteps.class, RequestActions.class, RequestReviews.class,
                        OfficerReminders.class, RequestView.class, RequestType.class, RequestStatus.class, ExportFile.class,
                        DataSubjectRequestProcess.class,
                        // DSR-3 extension and deadline, RECTIFICATION and DSR-5: called by the process's delegates
                        RequestExtensions.class, RequestDeadline.class, Rectifications.class, OrganisationNotices.class);
    }

    @Test
    void retention_sweepsThroughTheApisOfDeactivationApplicationsLinksAndTheOutbox() {
        module("privacy.retention")
                .dependsOnlyOn("privacy", "privacy.deactivation", "application", "links", "mail", "members", "audit",
                        "tasks", "system");
    }
}
