package org.steward.privacy.processors.process;

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
import org.steward.privacy.processors.ProcessorInstructionProcess;
import org.steward.support.DueJobs;

/**
 * Every path of ProcessorInstructionProcess.bpmn (DSR-7) on the engine clock, steps stubbed: confirmed at
 * once; reminded on day 5, then confirmed; unconfirmed on day 14 → the privacy officers' follow-up task,
 * closed either way or ended by a late confirmation through the link. The link itself (replay, expiry)
 * is proven over HTTP in ErasureWithHoldJourney*.
 */
@Deployment(resources = "bpmn/ProcessorInstructionProcess.bpmn")
class ProcessorInstructionProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void registerSteps() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("sendInstructionDelegate", (JavaDelegate) execution -> steps.add("send"));
        Mocks.register("sendInstructionReminderDelegate", (JavaDelegate) execution -> steps.add("remind"));
        Mocks.register("staffTaskListener", (TaskListener) task -> steps.add("task:" + task.getEventName()));
        Mocks.register("processorTimers", new ProcessorTimers(Duration.ofDays(5), Duration.ofDays(14)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void confirmedThroughTheLink_endsWithoutReminder() {
        ProcessInstance pi = start(1);
        assertThat(pi).isWaitingAt(ProcessorInstructionProcess.WAIT_FOR_CONFIRMATION);
        assertThat(steps).containsExactly("send");

        at(Duration.ofDays(2));
        confirm(1);
        assertThat(pi).isEnded().hasPassed("EndEvent_InstructionConfirmed").hasNotPassed("Task_SendReminder");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(steps).containsExactly("send");
    }

    @Test
    void remindedOnDay5_thenConfirmed() {
        ProcessInstance pi = start(2);
        at(Duration.ofDays(5).minusMinutes(1));
        assertThat(steps).containsExactly("send");

        at(Duration.ofDays(5).plusSeconds(1));
        assertThat(steps).containsExactly("send", "remind");
        assertThat(pi).isWaitingAt(ProcessorInstructionProcess.WAIT_FOR_CONFIRMATION).hasPassed("EndEvent_ReminderSent");

        at(Duration.ofDays(8));
        confirm(2);
        assertThat(pi).isEnded().hasPassed("Task_SendReminder", "EndEvent_InstructionConfirmed")
                .hasNotPassed(ProcessorInstructionProcess.TASK_FOLLOW_UP);
    }

    @Test
    void unconfirmedOnDay14_thePrivacyOfficersFollowUp_andCloseItUnconfirmed() {
        ProcessInstance pi = start(3);
        at(Duration.ofDays(5).plusSeconds(1));
        at(Duration.ofDays(14).minusMinutes(1));
        assertThat(pi).isWaitingAt(ProcessorInstructionProcess.WAIT_FOR_CONFIRMATION);

        at(Duration.ofDays(14).plusSeconds(1));
        assertThat(pi).isWaitingAt(ProcessorInstructionProcess.TASK_FOLLOW_UP);
        assertThat(task(pi)).hasCandidateGroup("privacy-officers");
        assertThat(steps).containsExactly("send", "remind", "task:create");

        taskService().complete(task(pi).getId(), Map.of(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED, false));
        assertThat(pi).isEnded().hasPassed("EndEvent_InstructionClosedUnconfirmed").hasNotPassed("EndEvent_ConfirmedOnFollowUp");
    }

    @Test
    void unconfirmedOnDay14_theProcessorConfirmsToTheOfficer() {
        ProcessInstance pi = start(4);
        at(Duration.ofDays(14).plusSeconds(1));
        taskService().complete(task(pi).getId(), Map.of(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED, true));
        assertThat(pi).isEnded().hasPassed("EndEvent_ConfirmedOnFollowUp");
    }

    @Test
    void confirmedThroughTheLinkDuringTheFollowUp_theTaskCloses() {
        ProcessInstance pi = start(5);
        at(Duration.ofDays(14).plusSeconds(1));
        assertThat(pi).isWaitingAt(ProcessorInstructionProcess.TASK_FOLLOW_UP);

        confirm(5);
        assertThat(pi).isEnded().hasPassed("EndEvent_ConfirmedDuringFollowUp");
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(steps).endsWith("task:create", "task:delete");
    }

    @Test
    void theProcessHoldsTheFollowUpFlagOnly() {
        ProcessInstance pi = start(6);
        at(Duration.ofDays(14).plusSeconds(1));
        taskService().complete(task(pi).getId(), Map.of(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED, true));
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(v -> v.getName()).containsOnly(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED);
    }

    private ProcessInstance start(long instructionId) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ProcessorInstructionProcess.KEY,
                ProcessorInstructionProcess.businessKey(instructionId));
        DueJobs.run(managementService());
        return pi;
    }

    private static void confirm(long instructionId) {
        runtimeService().createMessageCorrelation(ProcessorInstructionProcess.MSG_INSTRUCTION_CONFIRMED)
                .processInstanceBusinessKey(ProcessorInstructionProcess.businessKey(instructionId)).correlate();
        DueJobs.run(managementService());
    }

    /** The engine clock at START + offset, and whatever is due then runs. */
    private static void at(Duration offset) {
        ClockUtil.setCurrentTime(Date.from(START.plus(offset)));
        DueJobs.run(managementService());
    }
}
