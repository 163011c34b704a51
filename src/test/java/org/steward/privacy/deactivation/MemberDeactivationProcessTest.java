package org.steward.privacy.deactivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.mockito.ArgumentCaptor;
import org.steward.privacy.deactivation.DeactivationProcess;
import org.steward.privacy.deactivation.DeactivationRecords.Deactivation;
import org.steward.privacy.RetentionSettings;
import org.steward.privacy.retention.RetentionTimers;
import org.steward.support.DueJobs;

/**
 * Every path of MemberDeactivationProcess.bpmn (DSR-6) on the engine clock, delegates mocked: deactivation,
 * reactivation within the retention period (the timer goes), and anonymisation when the period ends. The
 * timer reads the retention date recorded at deactivation; MemberDeactivationJourney* proves the services.
 */
@Deployment(resources = "bpmn/MemberDeactivationProcess.bpmn")
class MemberDeactivationProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final long MEMBER_ID = 42L;
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant RETAIN_UNTIL = Instant.parse("2027-03-02T09:00:00Z");

    private final JavaDelegate deactivate = mock(JavaDelegate.class);
    private final JavaDelegate stopProcesses = mock(JavaDelegate.class);
    private final JavaDelegate sendDeactivationConfirmation = mock(JavaDelegate.class);
    private final JavaDelegate reactivate = mock(JavaDelegate.class);
    private final JavaDelegate sendReactivationConfirmation = mock(JavaDelegate.class);
    private final JavaDelegate anonymise = mock(JavaDelegate.class);
    private final DeactivationRecords records = mock(DeactivationRecords.class);

    @BeforeEach
    void registerBeans() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("deactivateMemberDelegate", deactivate);
        Mocks.register("stopMemberProcessesDelegate", stopProcesses);
        Mocks.register("sendDeactivationConfirmationDelegate", sendDeactivationConfirmation);
        Mocks.register("reactivateMemberDelegate", reactivate);
        Mocks.register("sendReactivationConfirmationDelegate", sendReactivationConfirmation);
        Mocks.register("anonymiseMemberDelegate", anonymise);
        Mocks.register("retentionTimers", new RetentionTimers(
                new RetentionSettings(Period.ofMonths(12), Period.ofMonths(12), "0 0 2 * * ?", Period.ofDays(30)), records));
        when(records.openFor(MEMBER_ID)).thenReturn(Optional.of(
                new Deactivation(1L, MEMBER_ID, 7L, true, START, RETAIN_UNTIL, null, null)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void deactivation_hidesTheMemberInTheRequest_thenConfirms_andWaitsUntilTheRecordedRetentionDate() throws Exception {
        ProcessInstance pi = start(true);

        // Hidden in the starting transaction; the rest runs as jobs.
        verify(deactivate).execute(any());
        assertThat(pi).hasPassed("Task_DeactivateMember").isWaitingAt("Task_StopMemberProcesses");
        runJobs();

        verify(stopProcesses).execute(any());
        verify(sendDeactivationConfirmation).execute(any());
        assertThat(pi).isWaitingAt(DeactivationProcess.TASK_WAIT_FOR_REACTIVATION);
        Job timer = retentionTimer(pi);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(RETAIN_UNTIL));
        ArgumentCaptor<DelegateExecution> execution = ArgumentCaptor.forClass(DelegateExecution.class);
        verify(deactivate).execute(execution.capture());
        assertThat(execution.getValue().getVariable(DeactivationProcess.BY_MEMBER)).isEqualTo(true);
        assertThat(execution.getValue().getProcessBusinessKey()).isEqualTo("member-42");

        // A day before the date nothing happens.
        ClockUtil.setCurrentTime(Date.from(RETAIN_UNTIL.minusSeconds(86_400)));
        runJobs();
        assertThat(pi).isWaitingAt(DeactivationProcess.TASK_WAIT_FOR_REACTIVATION);
        verify(anonymise, never()).execute(any());
    }

    @Test
    void reactivationWithinTheRetentionPeriod_makesTheMemberActive_andCancelsTheRetentionTimer() throws Exception {
        ProcessInstance pi = start(false);
        runJobs();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-01T12:00:00Z")));

        runtimeService().createMessageCorrelation(DeactivationProcess.MSG_MEMBER_REACTIVATED)
                .processInstanceBusinessKey(DeactivationProcess.businessKey(MEMBER_ID)).correlateWithResult();

        verify(reactivate).execute(any()); // in the member's own transaction
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        runJobs();
        verify(sendReactivationConfirmation).execute(any());
        assertThat(pi).hasPassed("Task_ReactivateMember", "Task_SendReactivationConfirmation", "EndEvent_MemberReactivated")
                .hasNotPassed("Task_AnonymiseMember").isEnded();

        // A year later nothing fires for this member.
        ClockUtil.setCurrentTime(Date.from(RETAIN_UNTIL.plusSeconds(86_400)));
        runJobs();
        verify(anonymise, never()).execute(any());
    }

    @Test
    void retentionPeriodOver_anonymisesTheMember() throws Exception {
        ProcessInstance pi = start(true);
        runJobs();

        ClockUtil.setCurrentTime(Date.from(RETAIN_UNTIL.plusSeconds(60)));
        runJobs();

        verify(anonymise).execute(any());
        assertThat(pi).hasPassed(DeactivationProcess.TIMER_RETENTION_OVER, "Task_AnonymiseMember", "EndEvent_MemberAnonymised")
                .hasNotPassed("Task_ReactivateMember").isEnded();
        verify(reactivate, never()).execute(any());
    }

    @Test
    void aDeactivationClosedBeforeTheWait_hasNothingToWaitFor_andTheTimerIsDueAtOnce() throws Exception {
        when(records.openFor(anyLong())).thenReturn(Optional.empty());
        ProcessInstance pi = start(true);
        runJobs();

        verify(anonymise).execute(any()); // the step itself finds nothing open and does nothing (RetentionExpiry)
        assertThat(pi).hasPassed("EndEvent_MemberAnonymised").isEnded();
    }

    private ProcessInstance start(boolean byMember) {
        return runtimeService().startProcessInstanceByKey(DeactivationProcess.KEY, DeactivationProcess.businessKey(MEMBER_ID),
                Map.of(DeactivationProcess.BY_MEMBER, byMember));
    }

    private Job retentionTimer(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(DeactivationProcess.TIMER_RETENTION_OVER).singleResult();
    }

    private static void runJobs() {
        DueJobs.run(managementService());
    }
}
