package org.steward.privacy.retention;

import org.steward.privacy.RetentionSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
import org.mockito.InOrder;
import org.steward.privacy.deactivation.DeactivationRecords;
import org.steward.support.DueJobs;

/**
 * RetentionSweepProcess.bpmn (RET-1) on the engine clock, steps mocked: the timer start event fires daily at
 * 02:00 (server time), every step runs in order in its own job, a failing step is retried without undoing
 * the ones before, a run can also be requested by hand, and a changed cycle applies from the next run.
 * RetentionSweepTest proves the steps themselves.
 */
@Deployment(resources = "bpmn/RetentionSweepProcess.bpmn")
class RetentionSweepProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final ZoneId SERVER = ZoneId.systemDefault();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Instant START = DAY.atTime(9, 0).atZone(SERVER).toInstant();

    private final JavaDelegate anonymise = mock(JavaDelegate.class);
    private final JavaDelegate reduceRefereeData = mock(JavaDelegate.class);
    private final JavaDelegate deleteLinks = mock(JavaDelegate.class);
    private final JavaDelegate deleteExports = mock(JavaDelegate.class);
    private final JavaDelegate forgetMail = mock(JavaDelegate.class);
    private String cycle = "0 0 2 * * ?";

    @BeforeEach
    void registerBeans() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("anonymiseDeactivatedMembersDelegate", anonymise);
        Mocks.register("reduceDecidedRefereeDataDelegate", reduceRefereeData);
        Mocks.register("deleteExpiredLinksDelegate", deleteLinks);
        Mocks.register("deleteExpiredExportsDelegate", deleteExports);
        Mocks.register("forgetMailRecipientsDelegate", forgetMail);
        Mocks.register("retentionSweepKey", new RetentionSweepKey());
        Mocks.register("retentionTimers", timers());
        engineConfiguration().setReevaluateTimeCycleWhenDue(true); // as RecurringTimersReadTheirCycle sets it
    }

    @AfterEach
    void reset() {
        engineConfiguration().setReevaluateTimeCycleWhenDue(false);
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theDailyTimer_runsEveryStepInOrder_eachInItsOwnJob_andSchedulesTomorrow() throws Exception {
        Job timer = sweepTimer();
        assertThat(timer.getDuedate()).isEqualTo(at(DAY.plusDays(1), 2, 0));
        ClockUtil.setCurrentTime(at(DAY.plusDays(1), 2, 0));
        managementService().executeJob(timer.getId());

        ProcessInstance sweep = runtimeService().createProcessInstanceQuery().processDefinitionKey("RetentionSweepProcess").singleResult();
        assertThat(sweep.getBusinessKey()).isEqualTo("retention-20260303");
        assertThat(sweep).isWaitingAt("Task_AnonymiseDeactivatedMembers"); // every step is its own job
        DueJobs.run(managementService());

        InOrder steps = inOrder(anonymise, reduceRefereeData, deleteLinks, deleteExports, forgetMail);
        steps.verify(anonymise).execute(any());
        steps.verify(reduceRefereeData).execute(any());
        steps.verify(deleteLinks).execute(any());
        steps.verify(deleteExports).execute(any());
        steps.verify(forgetMail).execute(any());
        assertThat(sweep).hasPassed("StartEvent_SweepDue", "EndEvent_SweepDone").isEnded();
        assertThat(sweepTimer().getDuedate()).isEqualTo(at(DAY.plusDays(2), 2, 0));
    }

    @Test
    void aFailingStep_isRetried_andTheStepsBeforeItStayDone() throws Exception {
        doThrow(new IllegalStateException("database away")).when(reduceRefereeData).execute(any());
        ProcessInstance sweep = runtimeService().startProcessInstanceByMessage("Msg_RetentionSweepRequested");
        managementService().executeJob(stepJob(sweep).getId());
        Job failing = stepJob(sweep);

        assertThatThrownBy(() -> managementService().executeJob(failing.getId())).hasMessageContaining("database away");

        assertThat(sweep).hasPassed("Task_AnonymiseDeactivatedMembers").isWaitingAt("Task_ReduceRefereeData");
        assertThat(stepJob(sweep).getRetries()).isEqualTo(2);
        verify(anonymise).execute(any());
        verify(deleteLinks, never()).execute(any());
    }

    @Test
    void aSweepRequestedByHand_doesTheSame() throws Exception {
        ProcessInstance sweep = runtimeService().startProcessInstanceByMessage("Msg_RetentionSweepRequested");
        DueJobs.run(managementService());

        assertThat(sweep).hasPassed("StartEvent_SweepRequested", "Task_ForgetMailRecipients", "EndEvent_SweepDone").isEnded();
        assertThat(sweep.getBusinessKey()).isEqualTo("retention-20260302");
        verify(forgetMail).execute(any());
    }

    @Test
    void aChangedCycle_appliesFromTheNextRun() {
        ClockUtil.setCurrentTime(at(DAY.plusDays(1), 2, 0));
        cycle = "0 30 3 * * ?";
        Mocks.register("retentionTimers", timers());

        managementService().executeJob(sweepTimer().getId());

        assertThat(sweepTimer().getDuedate()).isEqualTo(at(DAY.plusDays(1), 3, 30));
    }

    private RetentionTimers timers() {
        return new RetentionTimers(new RetentionSettings(Period.ofMonths(12), Period.ofMonths(12), cycle, Period.ofDays(30)),
                mock(DeactivationRecords.class));
    }

    private static Job sweepTimer() {
        return managementService().createJobQuery().timers().processDefinitionKey("RetentionSweepProcess").singleResult();
    }

    private static Job stepJob(ProcessInstance sweep) {
        return managementService().createJobQuery().processInstanceId(sweep.getId()).singleResult();
    }

    private static Date at(LocalDate day, int hour, int minute) {
        return Date.from(day.atTime(LocalTime.of(hour, minute)).atZone(SERVER).toInstant());
    }

    private static ProcessEngineConfigurationImpl engineConfiguration() {
        return (ProcessEngineConfigurationImpl) ENGINE.getProcessEngine().getProcessEngineConfiguration();
    }
}
