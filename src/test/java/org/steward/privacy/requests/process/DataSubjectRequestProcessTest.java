package org.steward.privacy.requests.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.RequestDeadline;
import org.steward.support.DueJobs;

/**
 * Every path of DataSubjectRequestProcess.bpmn (DSR-2, DSR-3, DSR-4, DSR-6..DSR-9) on the engine clock,
 * with the steps stubbed: verified or expired after 7 days, each decision, each type's branch, the
 * reminder on day 20 and the escalation on day 27, an extension that moves them (DSR-3), the rectification
 * task, and the steps after the answer (DSR-5, DSR-8). DataSubjectRequestJourney* proves the steps.
 */
@Deployment(resources = "bpmn/DataSubjectRequestProcess.bpmn")
class DataSubjectRequestProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final Instant START = Instant.parse("2026-04-01T09:00:00Z");

    private final List<String> steps = new ArrayList<>();
    /** What our table would say: the timers read their dates from it (requestTimers). */
    private final Map<Long, RequestDeadline> deadlines = new HashMap<>();

    @BeforeEach
    void registerSteps() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        step("sendVerificationLinkDelegate", "verification-link");
        step("expireRequestDelegate", "expire");
        step("sendRefusalDelegate", "refusal");
        step("askRequesterForDetailsDelegate", "question");
        step("sendCompletionDelegate", "completion");
        step("recordRequestDeadlineDelegate", "deadline");
        step("buildExportDelegate", "export");
        step("sendDownloadLinkDelegate", "download-link");
        step("restrictProcessingDelegate", "restrict");
        step("deactivateRequesterDelegate", "deactivate");
        step("requestErasureDelegate", "erase");
        step("remindPrivacyOfficersDelegate", "reminder");
        step("escalateRequestDelegate", "escalation");
        step("sendExtensionNoticeDelegate", "extension-notice");
        step("liftDisputeRestrictionsDelegate", "lift");
        step("informOrganisationDelegate", "organisation");
        Mocks.register("staffTaskListener", (TaskListener) task -> steps.add("task:" + task.getEventName()));
        Mocks.register("requestTimers", new RequestTimers(Duration.ofDays(7), Duration.ofDays(20), Duration.ofDays(27),
                id -> deadlines.get(id)));
    }

    private void step(String bean, String name) {
        Mocks.register(bean, (JavaDelegate) execution -> steps.add(name));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void unverified_expiresAfterSevenDays_DSR2() {
        ProcessInstance pi = start(1);
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.WAIT_FOR_VERIFICATION);
        assertThat(steps).containsExactly("verification-link");

        later(Duration.ofDays(7).minusMinutes(1));
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.WAIT_FOR_VERIFICATION);
        later(Duration.ofMinutes(1));
        assertThat(pi).isEnded().hasPassed("Task_ExpireRequest", "EndEvent_RequestExpired")
                .hasNotPassed(DataSubjectRequestProcess.TASK_REVIEW_REQUEST);
        assertThat(steps).containsExactly("verification-link", "expire");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "EXPORT, export|download-link, EndEvent_ExportSent",
            "RESTRICT, restrict|completion, EndEvent_RequestCarriedOut",
            "DEACTIVATE, deactivate, EndEvent_DeactivationStarted",
            "ERASE, erase, EndEvent_ErasureStarted"})
    void verified_approved_eachTypeTakesItsBranch_thenTheDeadlineIsRecorded_DSR3(String handling, String branch, String end) {
        ProcessInstance pi = verified(2, handling);
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.TASK_REVIEW_REQUEST);
        assertThat(task(pi)).hasCandidateGroup("privacy-officers");

        decide(pi, "APPROVE");
        assertThat(pi).isEnded().hasPassed(end, "Task_RecordDeadline", "EndEvent_RequestAnswered")
                .hasNotPassed("Task_SendRefusal", "Task_RemindOfficers");
        List<String> expected = new ArrayList<>(List.of("verification-link", "task:create", "task:complete"));
        expected.addAll(List.of(branch.split("\\|")));
        expected.addAll(List.of("deadline", "lift", "organisation"));
        assertThat(steps).containsExactlyElementsOf(expected);
        assertThat(pi).hasPassed("Task_LiftDisputeRestrictions", "Task_InformOrganisation");
    }

    @Test
    void rectification_approved_theOfficerCorrectsTheData_thenTheCompletionNoticeGoesOut() {
        ProcessInstance pi = verified(9, "MANUAL");
        decide(pi, "APPROVE");
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.TASK_CORRECT_DATA);
        assertThat(task(pi)).hasCandidateGroup("privacy-officers");
        assertThat(steps).doesNotContain("completion");

        taskService().complete(task(pi).getId());
        DueJobs.run(managementService());
        assertThat(pi).isEnded().hasPassed("Task_CorrectData", "Task_SendCompletion", "EndEvent_RequestCarriedOut",
                "Task_RecordDeadline", "Task_InformOrganisation");
        assertThat(steps).endsWith("task:create", "task:complete", "completion", "deadline", "lift", "organisation");
    }

    @Test
    void extended_theReminderEscalationAndDeadlineFollowTheNewDate_DSR3() {
        ProcessInstance pi = verified(10, "EXPORT");
        later(Duration.ofDays(5));
        extend(10, Duration.ofDays(30));
        assertThat(steps).containsOnlyOnce("extension-notice");
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.TASK_REVIEW_REQUEST).hasPassed("Task_SendExtensionNotice");

        later(Duration.ofDays(15)); // day 20: the old reminder date
        assertThat(steps).doesNotContain("reminder");
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(50)).minusSeconds(60)));
        DueJobs.run(managementService());
        assertThat(steps).doesNotContain("reminder");
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(50)).plusSeconds(1)));
        DueJobs.run(managementService());
        assertThat(steps).contains("reminder").doesNotContain("escalation");
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(57)).plusSeconds(1)));
        DueJobs.run(managementService());
        assertThat(steps).containsSubsequence("reminder", "escalation");
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.TASK_REVIEW_REQUEST);

        decide(pi, "APPROVE");
        assertThat(pi).isEnded().hasPassed("Task_RecordDeadline");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void extendedAfterTheReminder_theWatchStartsAgainOnTheNewDate_andRemindsAgain_DSR3() {
        ProcessInstance pi = verified(11, "RESTRICT");
        later(Duration.ofDays(20));
        assertThat(steps).containsOnlyOnce("reminder");
        later(Duration.ofDays(5)); // day 25
        extend(11, Duration.ofDays(10)); // due day 40: reminder day 30, escalation day 37
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(30)).plusSeconds(1)));
        DueJobs.run(managementService());
        assertThat(steps).filteredOn("reminder"::equals).hasSize(2);
        assertThat(steps).doesNotContain("escalation");
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(37)).plusSeconds(1)));
        DueJobs.run(managementService());
        assertThat(steps).containsOnlyOnce("escalation");
    }

    @Test
    void pastTheDeadline_theWatchEnds_andTheReviewGoesOn() {
        ProcessInstance pi = verified(12, "EXPORT");
        later(Duration.ofDays(31));
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.TASK_REVIEW_REQUEST).hasPassed("EndEvent_DeadlinePassed");
        assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName(DataSubjectRequestProcess.MSG_DEADLINE_EXTENDED).count()).isZero();
        decide(pi, "REFUSE");
        assertThat(pi).isEnded().hasPassed("Task_SendRefusal", "Task_RecordDeadline");
    }

    @Test
    void refused_theReasonGoesOut_andTheDeadlineIsRecorded_DSR4() {
        ProcessInstance pi = verified(3, "EXPORT");
        decide(pi, "REFUSE");
        assertThat(pi).isEnded().hasPassed("Task_SendRefusal", "EndEvent_RequestRefused", "Task_RecordDeadline")
                .hasNotPassed("Task_BuildExport");
        assertThat(steps).endsWith("task:complete", "refusal", "deadline", "lift", "organisation");
    }

    @Test
    void askForDetails_theQuestionGoesOut_andTheReviewOpensAgain() {
        ProcessInstance pi = verified(4, "RESTRICT");
        decide(pi, "ASK_FOR_DETAILS");
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.TASK_REVIEW_REQUEST).hasPassed("Task_AskForDetails");
        assertThat(steps).endsWith("task:complete", "question", "task:create");

        decide(pi, "APPROVE");
        assertThat(pi).isEnded().hasPassed("Task_RestrictProcessing", "EndEvent_RequestAnswered");
    }

    @Test
    void unanswered_officersAreRemindedOnDay20_andEscalatedToOnDay27_theReviewGoesOn_DSR3() {
        ProcessInstance pi = verified(5, "EXPORT");
        later(Duration.ofDays(20).minusMinutes(1));
        assertThat(steps).doesNotContain("reminder");

        later(Duration.ofMinutes(1));
        assertThat(steps).contains("reminder").doesNotContain("escalation");
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.TASK_REVIEW_REQUEST).hasPassed("Task_RemindOfficers");

        later(Duration.ofDays(7).minusMinutes(1));
        assertThat(steps).doesNotContain("escalation");
        later(Duration.ofMinutes(1));
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.TASK_REVIEW_REQUEST).hasPassed("Task_EscalateToOfficers");
        assertThat(steps).containsSubsequence("reminder", "escalation");

        decide(pi, "APPROVE");
        assertThat(pi).isEnded().hasPassed("Task_SendDownloadLink", "Task_RecordDeadline");
        assertThat(steps).filteredOn(s -> s.equals("reminder") || s.equals("escalation")).hasSize(2);
    }

    @Test
    void answeredInTime_noReminderFires() {
        ProcessInstance pi = verified(6, "MANUAL");
        later(Duration.ofDays(3));
        decide(pi, "APPROVE");
        taskService().complete(task(pi).getId());
        DueJobs.run(managementService());
        later(Duration.ofDays(30));
        assertThat(pi).isEnded();
        assertThat(steps).doesNotContain("reminder", "escalation");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void filedOnBehalfByStaff_startsVerified_atTheReview_withTheDeadlineTimers() {
        deadlines.put(8L, new RequestDeadline(START, START.plus(Duration.ofDays(30)), null));
        ProcessInstance pi = runtimeService().createProcessInstanceByKey(DataSubjectRequestProcess.KEY)
                .businessKey(DataSubjectRequestProcess.businessKey(8))
                .setVariable(DataSubjectRequestProcess.REQUEST_ID, 8L).setVariable(DataSubjectRequestProcess.HANDLING, "RESTRICT")
                .startBeforeActivity(DataSubjectRequestProcess.ANSWER_REQUEST).execute();
        assertThat(pi).isWaitingAt(DataSubjectRequestProcess.TASK_REVIEW_REQUEST).hasNotPassed("Task_SendVerificationLink");
        later(Duration.ofDays(20));
        assertThat(steps).containsExactly("task:create", "reminder");
        decide(pi, "APPROVE");
        assertThat(pi).isEnded().hasPassed("Task_RestrictProcessing", "Task_RecordDeadline");
    }

    @Test
    void theProcessHoldsTheRequestIdAndDecisionFlagsOnly() {
        ProcessInstance pi = verified(7, "EXPORT");
        decide(pi, "APPROVE");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(v -> v.getName())
                .containsOnly(DataSubjectRequestProcess.REQUEST_ID, DataSubjectRequestProcess.HANDLING,
                        DataSubjectRequestProcess.DECISION);
    }

    private ProcessInstance start(long requestId) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(DataSubjectRequestProcess.KEY,
                DataSubjectRequestProcess.businessKey(requestId), Map.of(DataSubjectRequestProcess.REQUEST_ID, requestId));
        DueJobs.run(managementService());
        return pi;
    }

    /** As the link POST does: the message, once, with the handling flag from the type. */
    private ProcessInstance verified(long requestId, String handling) {
        ProcessInstance pi = start(requestId);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        deadlines.put(requestId, new RequestDeadline(now, now.plus(Duration.ofDays(30)), null));
        runtimeService().createMessageCorrelation(DataSubjectRequestProcess.MSG_REQUEST_VERIFIED)
                .processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(requestId))
                .setVariable(DataSubjectRequestProcess.HANDLING, handling).correlateWithResult();
        DueJobs.run(managementService());
        return pi;
    }

    /** As RequestExtensions does: the new date in our table, then the message. */
    private void extend(long requestId, Duration by) {
        RequestDeadline was = deadlines.get(requestId);
        deadlines.put(requestId, new RequestDeadline(was.verifiedAt(), was.dueAt(), was.dueAt().plus(by)));
        runtimeService().createMessageCorrelation(DataSubjectRequestProcess.MSG_DEADLINE_EXTENDED)
                .processInstanceBusinessKey(DataSubjectRequestProcess.businessKey(requestId)).correlateWithResult();
        DueJobs.run(managementService());
    }

    private void decide(ProcessInstance pi, String decision) {
        taskService().complete(task(pi).getId(), Map.of(DataSubjectRequestProcess.DECISION, decision));
        DueJobs.run(managementService());
    }

    private void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration).plusSeconds(1)));
        DueJobs.run(managementService());
    }
}
