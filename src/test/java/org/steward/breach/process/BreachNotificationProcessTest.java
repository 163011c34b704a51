package org.steward.breach.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines;
import org.steward.breach.IncidentDeadlines.Deadline;
import org.steward.breach.IncidentDeadlines.Kind;
import org.steward.breach.IncidentDeadlines.State;
import org.steward.breach.MemberNotices;
import org.steward.support.DueJobs;

/**
 * Every path and timer of BreachNotificationProcess.bpmn (BRE-1 to BRE-6) on the engine clock, with the
 * delegates replaced by recorders and staffTaskListener by a recorder of task events: this proves the
 * model and its deadlines; IncidentJourney* proves the forms, services and mails. The deadlines are the
 * real {@link IncidentDeadlines} on its own table (V13), so every due time the timers and tasks use, and
 * every met or missed, is read from where production keeps it, never from a process variable (BRE-6,
 * issue 7 finding 2).
 */
@Deployment(resources = "bpmn/BreachNotificationProcess.bpmn")
class BreachNotificationProcessTest {

    /** Not camunda.cfg.xml: that name would make the webapps build this engine inside the Spring tests. */
    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    /** Our deadline and approval tables (V13), beside stand-ins for the incident and report tables they refer to. */
    private static final DataSource TABLES = tables();
    private static final AtomicLong INCIDENTS = new AtomicLong();
    /** Reported (engine clock start) at 09:00; in most tests discovered then too. */
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** Every service task call, in order: "task:detail". */
    private final List<String> calls = new ArrayList<>();
    /** What staffTaskListener was told: "Task_TriageIncident:create", … */
    private final List<String> taskEvents = new ArrayList<>();
    private final MemberNotices incidents = mock(MemberNotices.class);
    private final IncidentDeadlines deadlines = new IncidentDeadlines(new NamedParameterJdbcTemplate(TABLES), Clock.systemUTC());
    private final IncidentApprovals approvals = new IncidentApprovals(new NamedParameterJdbcTemplate(TABLES), Clock.systemUTC());
    private long incidentId;

    private static DataSource tables() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:breach-process-test;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(
                new ByteArrayResource("CREATE TABLE incident (id BIGINT PRIMARY KEY); CREATE TABLE incident_report (id BIGINT PRIMARY KEY);"
                        .getBytes(StandardCharsets.UTF_8)),
                new ClassPathResource("db/migration/V13__incident_deadlines.sql")).execute(dataSource);
        return dataSource;
    }

    @BeforeEach
    void registerBeans() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        incidentId = INCIDENTS.incrementAndGet();
        new NamedParameterJdbcTemplate(TABLES).getJdbcTemplate().update("INSERT INTO incident (id) VALUES (?)", incidentId);
        record("sendIsoNoticeDelegate", "isoNotice");
        record("sendMinimalIsoNoticeDelegate", "minimalIsoNotice");
        record("sendWrittenReportDelegate", "writtenReport");
        record("sendStatusReportDelegate", "statusReport");
        record("selectMemberNoticeRecipientsDelegate", "selectRecipients");
        Mocks.register("tellOfficersDelegate", (JavaDelegate) e -> calls.add("escalation:" + e.getVariable(BreachProcess.ESCALATION)));
        Mocks.register("queueMemberNoticesDelegate", (JavaDelegate) e -> calls.add("memberNotices:" + e.getVariable(BreachProcess.MEMBER_CHUNK)));
        Mocks.register("staffTaskListener", (TaskListener) t -> taskEvents.add(t.getTaskDefinitionKey() + ":" + t.getEventName()));
        when(incidents.memberNoticeChunks(anyLong())).thenReturn(List.of(0L, 1L));
        Mocks.register("memberNoticeChunks", new MemberNoticeChunks(incidents));
        Mocks.register("breachTimers", new BreachTimers(deadlines, approvals));
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
    void noticeApprovedInTime_isSent_withoutEscalation_andRecordedAsMetWithItsApprover_BRE2_BRE6() {
        ProcessInstance pi = report(START);
        assertThat(pi).isWaitingAt(BreachProcess.TASK_TRIAGE);
        assertThat(runtimeService().getActivityInstance(pi.getId())).isNotNull();
        assertThat(task(BreachProcess.TASK_TRIAGE, pi)).hasCandidateGroup("security-officers")
                .hasDueDate(Date.from(START.plus(Duration.ofHours(24))));
        triage(pi, Duration.ofHours(1), true);
        assertThat(task(BreachProcess.TASK_APPROVE_ISO_NOTICE, pi)).hasDueDate(at(Duration.ofHours(24)));
        approveIsoNotice(pi, Duration.ofHours(2));

        assertThat(calls).containsExactly("isoNotice");
        assertThat(pi).hasPassed("EndEvent_IsoNoticeSent").hasNotPassed("Task_SendMinimalIsoNotice");
        assertThat(deadline(Kind.ISO_NOTICE, 0)).isEqualTo(new Deadline(Kind.ISO_NOTICE, 0, START.plus(Duration.ofHours(24)),
                START.plus(Duration.ofHours(2)), true, State.MET, "sam"));
        assertThat(pi).isWaitingAt(BreachProcess.TASK_WRITE_WRITTEN_REPORT, BreachProcess.TASK_APPROVE_MEMBER_NOTICE,
                BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY);
        assertThat(dueTimersAt(Duration.ofHours(12).plusMinutes(1))).isEmpty(); // the notice timers went with the notice
        assertThat(taskEvents).containsSubsequence("Task_TriageIncident:create", "Task_TriageIncident:complete",
                "Task_ApproveIsoNotice:create", "Task_ApproveIsoNotice:complete");
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
        assertThat(deadline(Kind.ISO_NOTICE, 0).state()).isEqualTo(State.MET);
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
        assertThat(deadline(Kind.ISO_NOTICE, 0)).isEqualTo(new Deadline(Kind.ISO_NOTICE, 0, at(Duration.ofHours(24)).toInstant(),
                at(Duration.ofHours(23).plusMinutes(1)).toInstant(), true, State.MET, null)); // nobody approved it
        assertThat(taskEvents).startsWith("Task_TriageIncident:create", "Task_TriageIncident:delete"); // its staged input dropped
        assertThat(pi).isWaitingAt(BreachProcess.TASK_WRITE_WRITTEN_REPORT, BreachProcess.TASK_APPROVE_MEMBER_NOTICE,
                BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY);
        // The written report counts from when the minimal notice went out (BRE-3).
        assertThat(task(BreachProcess.TASK_WRITE_WRITTEN_REPORT, pi)).hasDueDate(at(Duration.ofHours(47).plusMinutes(1)));
    }

    @Test
    void discoveredMoreThan24HoursBeforeReport_escalatesAtOnce_andRecordsTheNoticeDeadlineAsMissed_BRE2_BRE6() {
        ProcessInstance pi = report(START.minus(Duration.ofHours(30)));

        assertThat(calls).containsExactly("escalation:ISO_NOTICE_12H", "escalation:ISO_NOTICE_20H",
                "minimalIsoNotice", "escalation:ISO_NOTICE_SENT_AUTOMATICALLY");
        Deadline notice = deadline(Kind.ISO_NOTICE, 0);
        assertThat(notice.dueAt()).isEqualTo(START.minus(Duration.ofHours(6)));
        assertThat(notice.doneAt()).isEqualTo(START);
        assertThat(notice.state()).isEqualTo(State.MISSED);
        // The 72-hour clock counts from discovery too: 42 hours are left.
        assertThat(deadline(Kind.SUPERVISORY_AUTHORITY, 0).dueAt()).isEqualTo(START.plus(Duration.ofHours(42)));
        assertThat(task(BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY, pi)).hasDueDate(at(Duration.ofHours(42)));
    }

    @Test
    void writtenReportFiledInTime_isSent_andTheDeadlineMet_BRE3() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(2));
        assertThat(task(BreachProcess.TASK_WRITE_WRITTEN_REPORT, pi)).hasDueDate(at(Duration.ofHours(26)));
        assertThat(task(BreachProcess.TASK_APPROVE_MEMBER_NOTICE, pi)).hasDueDate(at(Duration.ofHours(26)));

        writeWrittenReport(pi, Duration.ofHours(12));
        assertThat(calls).containsExactly("isoNotice", "writtenReport");
        assertThat(deadline(Kind.WRITTEN_REPORT, 0)).isEqualTo(new Deadline(Kind.WRITTEN_REPORT, 0,
                at(Duration.ofHours(26)).toInstant(), at(Duration.ofHours(12)).toInstant(), true, State.MET, "sam"));
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
        Deadline written = deadline(Kind.WRITTEN_REPORT, 0);
        assertThat(written.state()).isEqualTo(State.MISSED);
        assertThat(written.met()).isFalse();
        assertThat(written.doneAt()).isEqualTo(at(Duration.ofHours(27)).toInstant());
    }

    @Test
    void threeDailyStatusReports_thenInvestigationComplete_endsTheIncident_BRE4_BRE5_BRE6() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(1));
        writeWrittenReport(pi, Duration.ofHours(10)); // status report n due 10 h + n x 24 h
        recordSupervisoryAuthority(pi, Duration.ofHours(11), true);

        for (int day = 1; day <= 3; day++) {
            Duration due = Duration.ofHours(10 + 24L * day);
            assertThat(dueTimersAt(due.minusHours(4).minusMinutes(1))).as("day %d", day).isEmpty();
            assertThat(dueTimersAt(due.minusHours(4).plusMinutes(1))).as("day %d", day).hasSize(1);
            DueJobs.run(managementService());
            assertThat(task(BreachProcess.TASK_WRITE_STATUS_REPORT, pi)).hasDueDate(at(due));
            assertThat(deadlines.currentCycle(incidentId, Kind.STATUS_REPORT)).isEqualTo(day);
            if (day == 2) { // late: escalated at the deadline
                assertThat(dueTimersAt(due.minusMinutes(1))).isEmpty();
                assertThat(dueTimersAt(due.plusMinutes(1))).hasSize(1);
                DueJobs.run(managementService());
                writeStatusReport(pi, due.plusHours(2), day, false);
                assertThat(deadline(Kind.STATUS_REPORT, day).state()).isEqualTo(State.MISSED);
            } else {
                writeStatusReport(pi, due.minusHours(1), day, day == 3);
                assertThat(deadline(Kind.STATUS_REPORT, day).state()).isEqualTo(State.MET);
            }
        }
        assertThat(calls).containsExactly("isoNotice", "writtenReport", "statusReport", "escalation:STATUS_REPORT_LATE",
                "statusReport", "statusReport");
        assertThat(pi).isWaitingAt(BreachProcess.TASK_APPROVE_MEMBER_NOTICE);

        complete(task(BreachProcess.TASK_APPROVE_MEMBER_NOTICE, pi));
        DueJobs.run(managementService());
        assertThat(calls).endsWith("selectRecipients", "memberNotices:0", "memberNotices:1"); // one job per chunk

        assertThat(pi).hasPassed("EndEvent_IncidentResolved").isEnded();
        // BRE-6: every deadline, with its outcome, from the table.
        assertThat(deadlines.of(incidentId)).extracting(d -> d.kind() + "/" + d.cycle() + "=" + d.state())
                .containsExactly("ISO_NOTICE/0=MET", "SUPERVISORY_AUTHORITY/0=MET", "WRITTEN_REPORT/0=MET",
                        "STATUS_REPORT/1=MET", "STATUS_REPORT/2=MISSED", "STATUS_REPORT/3=MET");
    }

    @Test
    void supervisoryAuthorityDecisionInTime_isRecordedAsMet_andItsTimerIsGone_BRE6() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(1));
        assertThat(task(BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY, pi)).hasDueDate(at(Duration.ofHours(72)))
                .hasCandidateGroup("privacy-officers");
        recordSupervisoryAuthority(pi, Duration.ofHours(30), false);
        assertThat(deadline(Kind.SUPERVISORY_AUTHORITY, 0)).isEqualTo(new Deadline(Kind.SUPERVISORY_AUTHORITY, 0,
                at(Duration.ofHours(72)).toInstant(), at(Duration.ofHours(30)).toInstant(), true, State.MET, "priya"));
        assertThat(dueTimersAt(Duration.ofHours(72).plusMinutes(1))).extracting(Job::getDuedate)
                .doesNotContain(at(Duration.ofHours(72)));
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
        recordSupervisoryAuthority(pi, Duration.ofHours(73), true);
        assertThat(deadline(Kind.SUPERVISORY_AUTHORITY, 0).state()).isEqualTo(State.MISSED);
    }

    @Test
    void notAnIncident_isClosedAtTriage_andNothingIsSent_BRE1() {
        ProcessInstance pi = report(START);
        triage(pi, Duration.ofHours(3), false);

        assertThat(pi).hasPassed("EndEvent_NotAnIncident", "EndEvent_IncidentClosedAtTriage").isEnded();
        assertThat(calls).isEmpty();
        assertThat(dueTimersAt(Duration.ofDays(5))).isEmpty();
        assertThat(managementService().createJobQuery().count()).isZero();
    }

    @Test
    void processVariablesHoldDecisionFlagsOnly_neverTextsDeadlinesOrApprovers_BRE6_finding2() {
        ProcessInstance pi = noticeSentAt(Duration.ofHours(1));
        writeWrittenReport(pi, Duration.ofHours(2));
        complete(task(BreachProcess.TASK_APPROVE_MEMBER_NOTICE, pi));
        DueJobs.run(managementService());

        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(HistoricVariableInstance::getName)
                .containsOnly("genuineIncident", "memberChunk"); // no multi-instance counters in history (issue 14)
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
                .isEqualTo("incident-" + incidentId);
    }

    // --- helpers ---

    /** As intake does: the deadlines open from discovery, then the process starts with the incident's business key only. */
    private ProcessInstance report(Instant discoveredAt) {
        deadlines.openAtDiscovery(incidentId, discoveredAt, "sam");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(BreachProcess.KEY, BreachProcess.businessKey(incidentId));
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

    /** The form's part of an approval (ApproveIsoNoticeForm) is its row in incident_approval; the listener is mocked here. */
    private void approveIsoNotice(ProcessInstance pi, Duration at) {
        moveClock(at);
        approvals.approve(incidentId, IncidentApprovals.Kind.ISO_NOTICE, 0, null, "sam");
        complete(task(BreachProcess.TASK_APPROVE_ISO_NOTICE, pi));
        DueJobs.run(managementService());
    }

    private void writeWrittenReport(ProcessInstance pi, Duration at) {
        moveClock(at);
        approvals.approve(incidentId, IncidentApprovals.Kind.WRITTEN_REPORT, 0, null, "sam");
        complete(task(BreachProcess.TASK_WRITE_WRITTEN_REPORT, pi));
        DueJobs.run(managementService());
    }

    private void writeStatusReport(ProcessInstance pi, Duration at, int cycle, boolean investigationComplete) {
        moveClock(at);
        approvals.approve(incidentId, IncidentApprovals.Kind.STATUS_REPORT, cycle, null, "sam");
        complete(task(BreachProcess.TASK_WRITE_STATUS_REPORT, pi), withVariables(BreachProcess.INVESTIGATION_COMPLETE, investigationComplete));
        DueJobs.run(managementService());
    }

    private void recordSupervisoryAuthority(ProcessInstance pi, Duration at, boolean notified) {
        moveClock(at);
        approvals.approve(incidentId, IncidentApprovals.Kind.SUPERVISORY_AUTHORITY, 0, null, "priya");
        complete(task(BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY, pi),
                withVariables(BreachProcess.SUPERVISORY_AUTHORITY_NOTIFIED, notified));
        DueJobs.run(managementService());
    }

    private Deadline deadline(Kind kind, int cycle) {
        return deadlines.current(incidentId, kind, cycle).orElseThrow();
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
