package org.steward.application.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.steward.support.DueJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.steward.application.ApplicationProcess;
import org.steward.application.ReferenceService;
import org.steward.system.ConflictException;
import org.steward.system.StewardProperties;

/**
 * Every path and timer of ApplicationApprovalProcess.bpmn (APP-3 to APP-6; issue 7 findings 6 and 11:
 * the applicant confirms their address before any referee is asked, or the application is discarded
 * after 7 days; the review's start marks the application UNDER_REVIEW each round), on the engine clock,
 * with the delegates mocked: this proves the model; ApplicationJourney* proves the delegates and services.
 */
@Deployment(resources = "bpmn/ApplicationApprovalProcess.bpmn")
class ApplicationApprovalProcessTest {

    /** Not camunda.cfg.xml: that name would make the webapps build this engine inside the Spring tests. */
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final long APPLICATION_ID = 7L;
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final JavaDelegate sendEmailConfirmation = mock(JavaDelegate.class);
    private final JavaDelegate discardUnconfirmed = mock(JavaDelegate.class);
    private final ExecutionListener openReview = mock(ExecutionListener.class);
    private final JavaDelegate sendRequest = mock(JavaDelegate.class);
    private final JavaDelegate sendReminder = mock(JavaDelegate.class);
    private final JavaDelegate markExpired = mock(JavaDelegate.class);
    private final JavaDelegate requestMoreInformation = mock(JavaDelegate.class);
    private final JavaDelegate admitMember = mock(JavaDelegate.class);
    private final JavaDelegate sendRejection = mock(JavaDelegate.class);
    private final JavaDelegate reduceRefereeData = mock(JavaDelegate.class);
    /** Stands in for StaffTaskListener: records the review task's life (create, complete) in order. */
    private final List<String> reviewEvents = new java.util.ArrayList<>();
    private final TaskListener staffTaskListener = task -> reviewEvents.add(task.getEventName());
    private final ReferenceService references = mock(ReferenceService.class);
    /** Stands in for the audit funnel (AUD-4): the milestones the model reports, in order. */
    private final FunnelRecorder funnel = new FunnelRecorder();

    /** Public, as the engine's expression language calls {@code reached} by reflection. */
    public static final class FunnelRecorder {
        final List<String> milestones = new java.util.ArrayList<>();

        public void reached(DelegateExecution execution, String milestone) {
            milestones.add(milestone);
        }
    }

    @BeforeEach
    void registerBeans() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("sendEmailConfirmationDelegate", sendEmailConfirmation);
        Mocks.register("discardUnconfirmedApplicationDelegate", discardUnconfirmed);
        Mocks.register("openReviewListener", openReview);
        Mocks.register("sendReferenceRequestDelegate", sendRequest);
        Mocks.register("sendReferenceReminderDelegate", sendReminder);
        Mocks.register("markReferenceExpiredDelegate", markExpired);
        Mocks.register("requestMoreInformationDelegate", requestMoreInformation);
        Mocks.register("admitMemberDelegate", admitMember);
        Mocks.register("sendRejectionDelegate", sendRejection);
        Mocks.register("reduceRefereeDataDelegate", reduceRefereeData);
        Mocks.register("staffTaskListener", staffTaskListener);
        Mocks.register("referenceService", references);
        Mocks.register("applicationFunnelMilestones", funnel);
        Mocks.register("applicationTimers", new ApplicationTimers(new StewardProperties(null, null,
                new StewardProperties.Application(16, 1, 3, Period.ofDays(3), Period.ofDays(10), Period.ofDays(14), Period.ofDays(14),
                        Period.ofDays(7), null),
                null)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void finding6_nothingGoesToReferees_untilTheApplicantConfirmsTheirAddress() throws Exception {
        ProcessInstance pi = submit(81L);
        assertThat(pi).hasPassed("Task_SendEmailConfirmation").isWaitingAt(ApplicationProcess.TASK_WAIT_FOR_EMAIL_CONFIRMATION);
        verify(sendEmailConfirmation).execute(any());
        verify(sendRequest, never()).execute(any());
        verify(references, never()).idsFor(any()); // the referees are not even looked up yet

        confirmAddress(pi);
        assertThat(pi).hasPassed(ApplicationProcess.TASK_WAIT_FOR_EMAIL_CONFIRMATION).isWaitingAt("Task_WaitForReference");
        verify(sendRequest).execute(any());
        assertThat(managementService().createJobQuery().activityId("BoundaryEvent_ConfirmationOverdue").count())
                .isZero(); // the discard timer went with the wait
        verify(discardUnconfirmed, never()).execute(any());
    }

    @Test
    void finding6_anAddressNeverConfirmed_discardsTheApplicationAfterSevenDays() throws Exception {
        ProcessInstance pi = submit(91L);

        moveClock(Duration.ofDays(7).minusMinutes(1));
        assertThat(dueTimers()).isEmpty();
        moveClock(Duration.ofDays(7).plusMinutes(1));
        DueJobs.run(managementService());

        assertThat(pi).hasPassed("BoundaryEvent_ConfirmationOverdue", "Task_DiscardUnconfirmedApplication",
                "EndEvent_ApplicationDiscarded").isEnded();
        assertThat(pi).hasNotPassed("SubProcess_ObtainReference", ApplicationProcess.TASK_REVIEW_APPLICATION);
        verify(discardUnconfirmed).execute(any());
        verify(sendRequest, never()).execute(any());
        verify(references, never()).idsFor(any());
        assertThat(funnel.milestones).containsExactly("SUBMITTED", "DISCARDED", "ENDED");
        // A confirmation arriving afterwards finds nobody waiting.
        assertThat(runtimeService().createMessageCorrelation(ApplicationProcess.MSG_APPLICANT_EMAIL_CONFIRMED)
                .processInstanceBusinessKey(ApplicationProcess.businessKey(APPLICATION_ID)).correlateAllWithResult()).isEmpty();
    }

    @Test
    void everyReferenceReceived_thenApproved_admitsMemberAndReducesRefereeData() throws Exception {
        ProcessInstance pi = start(11L, 12L);
        assertThat(pi).isWaitingAt("Task_WaitForReference");
        ArgumentCaptor<DelegateExecution> requested = ArgumentCaptor.forClass(DelegateExecution.class);
        verify(sendRequest, times(2)).execute(requested.capture());
        assertThat(requested.getAllValues()).extracting(e -> e.getVariable(ApplicationProcess.REFERENCE_ID))
                .containsExactlyInAnyOrder(11L, 12L);

        referenceReceived(pi, 11L);
        assertThat(pi).isWaitingAt("Task_WaitForReference"); // still waiting for referee 12
        referenceReceived(pi, 12L);

        assertThat(pi).isWaitingAt(ApplicationProcess.TASK_REVIEW_APPLICATION);
        assertThat(task(pi)).hasCandidateGroup("program-staff");
        decide(pi, "APPROVE");

        assertThat(pi).hasPassed("Task_AdmitMember", "Task_ReduceRefereeData", "EndEvent_ApplicationDecided").isEnded();
        assertThat(pi).hasNotPassed("Task_SendRejection", "Task_RequestMoreInformation");
        verify(admitMember).execute(any());
        verify(reduceRefereeData).execute(any());
        assertThat(reviewEvents).containsExactly("create", "complete");
        verify(openReview).notify(any()); // finding 11: UNDER_REVIEW when the review starts
        assertThat(funnel.milestones).containsExactly("SUBMITTED", "REFERENCE_RECEIVED", "REFERENCE_RECEIVED", "REVIEW_OPENED",
                "APPROVED", "ENDED"); // AUD-4
    }

    @Test
    void silentReferee_isRemindedAfterThreeDays_andExpiresAfterTen_thenRejected() throws Exception {
        ProcessInstance pi = start(21L);

        moveClock(Duration.ofDays(3).minusMinutes(1));
        assertThat(dueTimers()).isEmpty();
        moveClock(Duration.ofDays(3).plusMinutes(1));
        DueJobs.run(managementService()); // APP-3 reminder
        verify(sendReminder).execute(any());
        assertThat(pi).isWaitingAt("Task_WaitForReference"); // the reminder does not end the wait
        assertThat(pi).hasPassed("EndEvent_RefereeReminded");

        moveClock(Duration.ofDays(10).minusMinutes(1));
        assertThat(dueTimers()).isEmpty();
        moveClock(Duration.ofDays(10).plusMinutes(1));
        DueJobs.run(managementService()); // APP-3 expiry
        verify(markExpired).execute(any());
        assertThat(pi).hasPassed("EndEvent_ReferenceExpired");

        assertThat(pi).isWaitingAt(ApplicationProcess.TASK_REVIEW_APPLICATION);
        decide(pi, "REJECT");
        assertThat(pi).hasPassed("Task_SendRejection", "Task_ReduceRefereeData").isEnded();
        assertThat(pi).hasNotPassed("Task_AdmitMember");
        assertThat(funnel.milestones).containsExactly("SUBMITTED", "REFERENCE_EXPIRED", "REVIEW_OPENED", "REJECTED", "ENDED");
    }

    @Test
    void refereeRemovingTheirData_endsTheirBranch_andReviewFollows() {
        ProcessInstance pi = start(31L);
        runtimeService().createMessageCorrelation(ApplicationProcess.MSG_REFEREE_DATA_REMOVED)
                .processInstanceId(pi.getId())
                .localVariableEquals(ApplicationProcess.REFERENCE_ID, 31L)
                .correlate();
        assertThat(pi).hasPassed("EndEvent_ReferenceWithdrawn");
        assertThat(pi).isWaitingAt(ApplicationProcess.TASK_REVIEW_APPLICATION);
        assertThat(funnel.milestones).containsExactly("SUBMITTED", "REVIEW_OPENED"); // a withdrawn reference is neither
        assertThat(dueTimersAt(Duration.ofDays(11))).isEmpty(); // the branch's timers are gone with it
    }

    @Test
    void moreInformation_answered_bringsTheReviewBack() throws Exception {
        ProcessInstance pi = start(41L);
        referenceReceived(pi, 41L);

        decide(pi, "MORE_INFO");
        verify(requestMoreInformation).execute(any());
        assertThat(pi).isWaitingAt("Task_WaitForApplicantAnswer");

        runtimeService().createMessageCorrelation(ApplicationProcess.MSG_MORE_INFORMATION_RECEIVED)
                .processInstanceBusinessKey(ApplicationProcess.businessKey(APPLICATION_ID)).correlate();
        assertThat(pi).isWaitingAt(ApplicationProcess.TASK_REVIEW_APPLICATION);
        decide(pi, "APPROVE");
        assertThat(pi).hasPassed("Task_AdmitMember").isEnded();
        assertThat(reviewEvents).containsExactly("create", "complete", "create", "complete");
        verify(openReview, times(2)).notify(any()); // finding 11: UNDER_REVIEW again after the question
        assertThat(funnel.milestones).containsExactly("SUBMITTED", "REFERENCE_RECEIVED", "REVIEW_OPENED", "MORE_INFORMATION_ASKED",
                "REVIEW_OPENED", "APPROVED", "ENDED");
    }

    @Test
    void moreInformation_unanswered_for14Days_bringsTheReviewBackAnyway() throws Exception {
        ProcessInstance pi = start(51L);
        referenceReceived(pi, 51L);
        decide(pi, "MORE_INFO");

        moveClock(Duration.ofDays(14).minusMinutes(1));
        assertThat(dueTimers()).isEmpty();
        moveClock(Duration.ofDays(14).plusMinutes(1));
        DueJobs.run(managementService());
        assertThat(pi).hasPassed("BoundaryEvent_NoAnswer");
        assertThat(pi).isWaitingAt(ApplicationProcess.TASK_REVIEW_APPLICATION);
        verify(openReview, times(2)).notify(any());
        decide(pi, "REJECT");
        assertThat(pi).hasPassed("Task_SendRejection").isEnded();
    }

    @Test
    void processVariablesHoldIdsAndTheDecisionOnly() throws Exception {
        ProcessInstance pi = start(61L);
        referenceReceived(pi, 61L);
        decide(pi, "APPROVE");
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(v -> v.getName())
                .containsOnly("referenceId", "decision"); // the engine's multi-instance counters are kept out (issue 14)
    }

    @Test
    void aStepThatKeepsFailing_becomesAnIncident_notASilentLoss() throws Exception {
        org.mockito.Mockito.doThrow(new IllegalStateException("SMTP outbox unavailable"))
                .when(sendRequest).execute(any());
        ProcessInstance pi = submit(71L);
        correlateConfirmation();
        var incident = failUntilIncident(pi);
        assertThat(incident.getActivityId()).isEqualTo("Task_SendReferenceRequest");
        assertThat(incident.getIncidentMessage()).contains("SMTP outbox unavailable");
    }

    @Test
    void finding11_aTransitionTheCaseDoesNotAllow_becomesAnIncidentNamingWhy() throws Exception {
        org.mockito.Mockito.doThrow(new ConflictException("Application #7 cannot be admitted: a reference is still awaited."))
                .when(admitMember).execute(any());
        ProcessInstance pi = start(101L);
        referenceReceived(pi, 101L);
        complete(task(pi), withVariables(ApplicationProcess.DECISION, "APPROVE"));
        var incident = failUntilIncident(pi);
        assertThat(incident.getActivityId()).isEqualTo("Task_AdmitMember");
        assertThat(incident.getIncidentMessage()).isEqualTo("Application #7 cannot be admitted: a reference is still awaited.");
        verify(reduceRefereeData, never()).execute(any()); // nothing after the refused step ran
    }

    /** Runs the instance's failing job, past each retry wait, until its retries are spent. */
    private org.camunda.bpm.engine.runtime.Incident failUntilIncident(ProcessInstance pi) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Job job = managementService().createJobQuery().processInstanceId(pi.getId()).withRetriesLeft().singleResult();
            if (job == null) {
                break;
            }
            moveClock(Duration.ofDays(attempt + 1)); // past any retry wait
            try {
                managementService().executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the job failed; the engine counts the retry down
            }
        }
        var incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident).isNotNull();
        return incident;
    }

    /** Submitted: the confirmation mail is sent and the process waits for the applicant. */
    private ProcessInstance submit(Long... referenceIds) {
        when(references.idsFor(ApplicationProcess.businessKey(APPLICATION_ID))).thenReturn(List.of(referenceIds));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ApplicationProcess.KEY,
                ApplicationProcess.businessKey(APPLICATION_ID));
        // Async before the confirmation mail: the API returns at once, with one job (not two: issue 14).
        assertThat(pi).isWaitingAt("Task_SendEmailConfirmation");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        DueJobs.run(managementService());
        return pi;
    }

    private void confirmAddress(ProcessInstance pi) {
        correlateConfirmation();
        DueJobs.run(managementService());
    }

    private static void correlateConfirmation() {
        runtimeService().createMessageCorrelation(ApplicationProcess.MSG_APPLICANT_EMAIL_CONFIRMED)
                .processInstanceBusinessKey(ApplicationProcess.businessKey(APPLICATION_ID)).correlate();
    }

    /** Submitted and the address confirmed: the referees are being asked. */
    private ProcessInstance start(Long... referenceIds) {
        ProcessInstance pi = submit(referenceIds);
        confirmAddress(pi);
        return pi;
    }

    private void referenceReceived(ProcessInstance pi, long referenceId) {
        runtimeService().createMessageCorrelation(ApplicationProcess.MSG_REFERENCE_RECEIVED)
                .processInstanceId(pi.getId())
                .localVariableEquals(ApplicationProcess.REFERENCE_ID, referenceId)
                .correlate();
        DueJobs.run(managementService());
    }

    private void decide(ProcessInstance pi, String decision) {
        complete(task(pi), withVariables(ApplicationProcess.DECISION, decision));
        DueJobs.run(managementService());
    }

    private static void moveClock(Duration sinceStart) {
        ClockUtil.setCurrentTime(Date.from(START.plus(sinceStart)));
    }

    private static List<Job> dueTimers() {
        return managementService().createJobQuery().timers().executable().list();
    }

    private static List<Job> dueTimersAt(Duration sinceStart) {
        moveClock(sinceStart);
        return dueTimers();
    }
}
