package org.steward.breach.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
import org.steward.breach.BreachProcess;
import org.steward.breach.MemberNotices;

/**
 * Every path and timer of BreachNotificationProcess.bpmn (BRE-1 to BRE-6) on the engine clock, with
 * the delegates replaced by recorders: this proves the model and its deadlines; IncidentJourney*
 * proves the delegates, services and mails.
 */
@Deployment(resources = "bpmn/BreachNotificationProcess.bpmn")
class BreachNotificationProcessTest {

    /** Not camunda.cfg.xml: that name would make the webapps build this engine inside the Spring tests. */
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final long INCIDENT_ID = 5L;
    /** Reported (engine clock start) at 09:00; in most tests discovered then too. */
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** Every service task call, in order: "task:detail". */
    private final List<String> calls = new ArrayList<>();
    private final MemberNotices incidents = mock(MemberNotices.class);

    @BeforeEach
    void registerBeans() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        record("sendIsoNoticeDelegate", "isoNotice");
        record("sendMinimalIsoNoticeDelegate", "minimalIsoNotice");
        record("sendWrittenReportDelegate", "writtenReport");
        record("sendStatusReportDelegate", "statusReport");
        record("selectMemberNoticeRecipientsDelegate", "selectRecipients");
        Mocks.register("tellOfficersDelegate", (JavaDelegate) e -> calls.add("escalation:" + e.getVariable(BreachProcess.ESCALATION)));
        Mocks.register("queueMemberNoticesDelegate", (JavaDelegate) e -> calls.add("memberNotices:" + e.getVariable(BreachProcess.MEMBER_CHUNK)));
        for (String listener : List.of("recordTriageListener", "recordIsoNoticeApprovalListener", "recordWrittenReportListener",
                "recordStatusReportListener", "recordMemberNoticeListener", "recordSupervisoryAuthorityListener")) {
            Mocks.register(listener, mock(TaskListener.class));
        }
        when(incidents.memberNoticeChunks(INCIDENT_ID)).thenReturn(List.of(0L, 1L));
        Mocks.register("memberNoticeChunks", new MemberNoticeChunks(incidents));
        Mocks.register("breachTimers", new BreachTimers());
    }

    private void record(String bean, String name) {
        Mocks.register(bean, (JavaDelegate) e -> calls.add(name));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void noticeApprovedInTime_isSent_withoutEscalation_BRE2() {
        ProcessInstance pi = report(START);
        assertThat(task(BreachProcess.TASK_TRIAGE, pi)).hasCandidateGroup("security-officers")
                .hasDueDate(Date.from(START.plus(Duration.ofHours(24))));
        triage(pi, Duration.ofHours(1), true);
        approveIsoNotice(pi, Duration.ofHours(2));

        assertThat(calls).containsExactly("isoNotice");
        assertThat(pi).hasPassed("EndEvent_IsoNoticeSent").hasNotPassed("Task_SendMinimalIsoNotice");
        assertThat(variable(pi, "isoNoticeDeadlineMet")).isEqualTo(true);
        assertThat(variable(pi, "isoNoticeDoneAt")).isEqualTo(at(Duration.ofHours(2)));
        assertThat(pi).isWaitingAt(BreachProcess.TASK_WRITE_WRITTEN_REPORT, BreachProcess.TASK_APPROVE_MEMBER_NOTICE,
                BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY);
        assertThat(dueTimersAt(Duration.ofHours(12).plusMinutes(1))).isEmpty(); // the notice timers went with the notice
    }

    @Test
    void unsentNotice_escalatesAt12And20Hours_BRE2() {
        ProcessInstance pi = report(START);

        assertThat(dueTimersAt(Duration.ofHours(12).minusMinutes(1))).isEmpty();
        assertThat(dueTimersAt(Duration.ofHours(12).plusMinutes(1))).hasSize(1);
        DueJobs.run(managementService());
        assertThat(calls).containsExactly("escalation:ISO_NOTICE_12H");
        assertThat(pi).isWaitingAt(BreachProcess.TASK_TRIAGE); // escalation does not end the wait

        triage(pi, Duration.ofHours(13), true);
        assertThat(dueTimersAt(Duration.ofHours(20).minusMinutes(1))).isEmpty();
        assertThat(dueTimersAt(Duration.ofHours(20).plusMinutes(1))).hasSize(1);
        DueJobs.run(managementService());
        assertThat(calls).containsExactly("escalation:ISO_NOTICE_12H", "escalation:ISO_NOTICE_20H");
        assertThat(pi).isWaitingAt(BreachProcess.TASK_APPROVE_ISO_NOTICE);

        approveIsoNotice(pi, Duration.ofHours(21));
        assertThat(calls).containsExactly("escalation:ISO_NOTICE_12H", "escalation:ISO_NOTICE_20H", "isoNotice");
        assertThat(variable(pi, "isoNoticeDeadlineMet")).isEqualTo(true);
    }

    @Test
    void nobodySendsTheNotice_minimalNoticeGoesOutAt23Hours_andOfficersAreTold_BRE2() {
        ProcessInstance pi = report(START);
        moveClock(Duration.ofHours(23).minusMinutes(1));
        DueJobs.run(managementService()); // the 12 h and 20 h escalations
        assertThat(dueTimers()).isEmpty();
        assertThat(pi).isWaitingAt(BreachProcess.TASK_TRIAGE);

        assertThat(dueTimersAt(Duration.ofHours(23).plusMinutes(1))).hasSize(1);
        DueJobs.run(managementService());
        assertThat(calls).containsExactly("escalation:ISO_NOTICE_12H", "escalation:ISO_NOTICE_20H",
                "minimalIsoNotice", "escalation:ISO_NOTICE_SENT_AUTOMATICALLY");
        assertThat(pi).hasPassed("BoundaryEvent_IsoNoticeDeadlineNear", "Task_TellOfficersOfAutomaticNotice")
                .hasNotPassed("Task_ApproveIsoNotice", "Task_SendIsoNotice");
        assertThat(variable(pi, "isoNoticeAutomatic")).isNull(); // set by the real delegate, mocked here
        assertThat(variable(pi, "isoNoticeDeadlineMet")).isEqualTo(true);
        assertThat(pi).isWaitingAt(BreachProcess.TASK_WRITE_WRITTEN_REPORT, BreachProcess.TASK_APPROVE_MEMBER_NOTICE,
                BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY);
    }

    @Test
    void discoveredMoreThan24HoursBeforeReport_escalatesAtOnce_andRecordsTheNoticeDeadlineAsMissed_BRE2_BRE6() {
        ProcessInstance pi = report(START.minus(Duration.ofHours(30)));

        assertThat(calls).containsExactly("escalation:ISO_NOTICE_12H", "escalation:ISO_NOTICE_20H",
                "minimalIsoNotice", "escalation:ISO_NOTICE_SENT_AUTOMATICALLY");
        assertThat(variable(pi, "isoNoticeDueAt")).isEqualTo(Date.from(START.minus(Duration.ofHours(6))));
        assertThat(variable(pi, "isoNoticeDoneAt")).isEqualTo(Date.from(START));
        assertThat(variable(pi, "isoNoticeDeadlineMet")).isEqualTo(false);
        // The 72-hour clock counts from discovery too: 42 hours are left.
        assertThat(variable(pi, "supervisoryAuthorityDueAt")).isEqualTo(Date.from(START.plus(Duration.ofHours(42))));
    }

    @Test
    void writtenReportFiledInTime_isSent_andTheDeadlineMet_BRE3() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(2));
        assertThat(task(BreachProcess.TASK_WRITE_WRITTEN_REPORT, pi)).hasDueDate(at(Duration.ofHours(26)));

        writeWrittenReport(pi, Duration.ofHours(12));
        assertThat(calls).containsExactly("isoNotice", "writtenReport");
        assertThat(variable(pi, "writtenReportDeadlineMet")).isEqualTo(true);
        assertThat(pi).isWaitingAt("TimerEvent_StatusReportDueSoon");
    }

    @Test
    void writtenReportLate_isEscalatedBeforeAndAtTheDeadline_andRecordedAsMissed_BRE3_BRE6() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(2));
        // escalation 20 h after the notice, i.e. 22 h after start
        assertThat(dueTimersAt(Duration.ofHours(22).minusMinutes(1))).isEmpty();
        assertThat(dueTimersAt(Duration.ofHours(22).plusMinutes(1))).hasSize(1);
        DueJobs.run(managementService());
        assertThat(dueTimersAt(Duration.ofHours(26).minusMinutes(1))).isEmpty();
        assertThat(dueTimersAt(Duration.ofHours(26).plusMinutes(1))).hasSize(1);
        DueJobs.run(managementService());
        assertThat(calls).containsExactly("isoNotice", "escalation:WRITTEN_REPORT_DUE_SOON", "escalation:WRITTEN_REPORT_LATE");

        writeWrittenReport(pi, Duration.ofHours(27));
        assertThat(variable(pi, "writtenReportDeadlineMet")).isEqualTo(false);
        assertThat(variable(pi, "writtenReportDoneAt")).isEqualTo(at(Duration.ofHours(27)));
    }

    @Test
    void threeDailyStatusReports_thenInvestigationComplete_endsTheIncident_BRE4_BRE5_BRE6() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(1));
        writeWrittenReport(pi, Duration.ofHours(10)); // status report n due 10 h + n x 24 h
        complete(task(BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY, pi),
                withVariables(BreachProcess.SUPERVISORY_AUTHORITY_NOTIFIED, true));

        for (int day = 1; day <= 3; day++) {
            Duration due = Duration.ofHours(10 + 24L * day);
            assertThat(dueTimersAt(due.minusHours(4).minusMinutes(1))).as("day %d", day).isEmpty();
            assertThat(dueTimersAt(due.minusHours(4).plusMinutes(1))).as("day %d", day).hasSize(1);
            DueJobs.run(managementService());
            assertThat(task(BreachProcess.TASK_WRITE_STATUS_REPORT, pi)).hasDueDate(at(due));
            assertThat(variable(pi, BreachProcess.STATUS_REPORT_CYCLE)).isEqualTo(day);
            if (day == 2) { // late: escalated at the deadline
                assertThat(dueTimersAt(due.minusMinutes(1))).isEmpty();
                assertThat(dueTimersAt(due.plusMinutes(1))).hasSize(1);
                DueJobs.run(managementService());
                writeStatusReport(pi, due.plusHours(2), false);
                assertThat(variable(pi, "statusReportDeadlineMet")).isEqualTo(false);
            } else {
                writeStatusReport(pi, due.minusHours(1), day == 3);
                assertThat(variable(pi, "statusReportDeadlineMet")).isEqualTo(true);
            }
        }
        assertThat(calls).containsExactly("isoNotice", "writtenReport", "statusReport", "escalation:STATUS_REPORT_LATE",
                "statusReport", "statusReport");
        assertThat(pi).isWaitingAt(BreachProcess.TASK_APPROVE_MEMBER_NOTICE);

        complete(task(BreachProcess.TASK_APPROVE_MEMBER_NOTICE, pi), withVariables("text_memberMessage", "We are sorry."));
        DueJobs.run(managementService());
        assertThat(calls).endsWith("selectRecipients", "memberNotices:0", "memberNotices:1"); // one job per chunk

        assertThat(pi).hasPassed("EndEvent_IncidentResolved").isEnded();
        assertThat(historicVariable(pi, "supervisoryAuthorityDeadlineMet")).isEqualTo(true);
        assertThat(historicVariable(pi, "statusReportsLate")).isEqualTo(1);
    }

    @Test
    void supervisoryAuthorityDecisionInTime_isRecordedAsMet_andItsTimerIsGone_BRE6() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(1));
        moveClock(Duration.ofHours(30));
        complete(task(BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY, pi),
                withVariables(BreachProcess.SUPERVISORY_AUTHORITY_NOTIFIED, false,
                        "text_supervisoryAuthorityNote", "No risk to rights and freedoms: data was encrypted."));
        assertThat(variable(pi, "supervisoryAuthorityDeadlineMet")).isEqualTo(true);
        assertThat(variable(pi, "supervisoryAuthorityDoneAt")).isEqualTo(at(Duration.ofHours(30)));
    }

    @Test
    void supervisoryAuthorityClockRunsOut_escalates_andRecordsTheMiss_BRE6() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(1));
        writeWrittenReport(pi, Duration.ofHours(5));
        moveClock(Duration.ofHours(72).minusMinutes(1));
        DueJobs.run(managementService()); // the first status report task appears
        calls.clear();
        assertThat(dueTimersAt(Duration.ofHours(72).plusMinutes(1))).extracting(Job::getDuedate)
                .contains(Date.from(START.plus(Duration.ofHours(72))));
        DueJobs.run(managementService());
        assertThat(calls).contains("escalation:SUPERVISORY_AUTHORITY_DEADLINE");
        complete(task(BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY, pi),
                withVariables(BreachProcess.SUPERVISORY_AUTHORITY_NOTIFIED, true));
        assertThat(variable(pi, "supervisoryAuthorityDeadlineMet")).isEqualTo(false);
    }

    @Test
    void notAnIncident_isClosedAtTriage_andNothingIsSent_BRE1() {
        ProcessInstance pi = report(START);
        moveClock(Duration.ofHours(3));
        complete(task(BreachProcess.TASK_TRIAGE, pi), withVariables(BreachProcess.GENUINE_INCIDENT, false,
                BreachProcess.TEXT_CLOSURE_REASON, "A test alert from the monitoring system."));
        DueJobs.run(managementService());

        assertThat(pi).hasPassed("EndEvent_NotAnIncident", "EndEvent_IncidentClosedAtTriage").isEnded();
        assertThat(calls).isEmpty();
        assertThat(dueTimersAt(Duration.ofDays(5))).isEmpty();
        assertThat(managementService().createJobQuery().count()).isZero();
    }

    @Test
    void processVariablesHoldIdsDatesAndFlagsOnly_neverTheTexts_BRE6() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(1));
        writeWrittenReport(pi, Duration.ofHours(2));
        complete(task(BreachProcess.TASK_APPROVE_MEMBER_NOTICE, pi), withVariables("text_memberMessage", "We are sorry."));
        DueJobs.run(managementService());

        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(HistoricVariableInstance::getName)
                .allMatch(name -> !name.startsWith("text_"))
                .containsOnly("incidentId", "discoveredAt", "genuineIncident", "isoNoticeDueAt", "isoNoticeDoneAt",
                        "isoNoticeDeadlineMet", "supervisoryAuthorityDueAt", "writtenReportDueAt", "writtenReportDoneAt",
                        "writtenReportDeadlineMet", "statusReportCycle", "statusReportDueAt", "memberChunk",
                        "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
        assertThat(historyService().createHistoricDetailQuery().processInstanceId(pi.getId()).list())
                .allMatch(detail -> !detail.toString().contains("text_"));
    }

    // --- helpers ---

    private ProcessInstance report(Instant discoveredAt) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(BreachProcess.KEY, String.valueOf(INCIDENT_ID),
                Map.of(BreachProcess.INCIDENT_ID, INCIDENT_ID, BreachProcess.DISCOVERED_AT, Date.from(discoveredAt)));
        assertThat(pi).isWaitingAt("StartEvent_IncidentReported"); // async after: the API returns at once
        DueJobs.run(managementService());
        return pi;
    }

    private ProcessInstance noticeSentAt(Duration sinceStart) {
        ProcessInstance pi = report(START);
        triage(pi, sinceStart.minusMinutes(30), true);
        approveIsoNotice(pi, sinceStart);
        return pi;
    }

    private void triage(ProcessInstance pi, Duration at, boolean genuine) {
        moveClock(at);
        complete(task(BreachProcess.TASK_TRIAGE, pi), withVariables(BreachProcess.GENUINE_INCIDENT, genuine));
        DueJobs.run(managementService());
    }

    private void approveIsoNotice(ProcessInstance pi, Duration at) {
        moveClock(at);
        complete(task(BreachProcess.TASK_APPROVE_ISO_NOTICE, pi));
        DueJobs.run(managementService());
    }

    private void writeWrittenReport(ProcessInstance pi, Duration at) {
        moveClock(at);
        Map<String, Object> parts = new HashMap<>();
        for (String part : List.of("nature", "informationType", "obtainedBy", "investigationSteps", "mitigationSteps", "contactPoint")) {
            parts.put("text_" + part, "not yet known");
        }
        complete(task(BreachProcess.TASK_WRITE_WRITTEN_REPORT, pi), parts);
        DueJobs.run(managementService());
    }

    private void writeStatusReport(ProcessInstance pi, Duration at, boolean investigationComplete) {
        moveClock(at);
        complete(task(BreachProcess.TASK_WRITE_STATUS_REPORT, pi), withVariables("text_perpetrators", "unknown",
                BreachProcess.INVESTIGATION_COMPLETE, investigationComplete));
        DueJobs.run(managementService());
    }

    private static Object variable(ProcessInstance pi, String name) {
        return runtimeService().getVariable(pi.getId(), name);
    }

    private static Object historicVariable(ProcessInstance pi, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
                .singleResult().getValue();
    }

    private static Date at(Duration sinceStart) {
        return Date.from(START.plus(sinceStart));
    }

    private static void moveClock(Duration sinceStart) {
        ClockUtil.setCurrentTime(at(sinceStart));
    }

    private static List<Job> dueTimers() {
        return managementService().createJobQuery().timers().executable().list();
    }

    private static List<Job> dueTimersAt(Duration sinceStart) {
        moveClock(sinceStart);
        return dueTimers();
    }
}
