package org.steward.privacy.erasure.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
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
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.support.DueJobs;

/**
 * Every path of ErasureProcess.bpmn (DSR-7, DSR-10) on the engine clock, with the steps stubbed: this
 * proves the model (the confirmation goes out and is delivered or given up before anything is erased;
 * residue leads to the privacy officers' task); ErasureJourney* proves the steps.
 */
@Deployment(resources = "bpmn/ErasureProcess.bpmn")
class ErasureProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    /** What each step did, in order: the model's behaviour is this sequence. */
    private final List<String> steps = new ArrayList<>();
    private boolean personKnown = true;
    private boolean confirmToPerson = true;
    private final Deque<String> deliveries = new ArrayDeque<>();
    private final Deque<Boolean> residue = new ArrayDeque<>();

    @BeforeEach
    void registerSteps() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("erasureStartGuard", (ExecutionListener) execution -> steps.add("guard"));
        Mocks.register("identifyPersonDelegate", (JavaDelegate) execution -> {
            steps.add("identify");
            execution.setVariable(ErasureProcess.PERSON_KNOWN, personKnown);
            execution.setVariable(ErasureProcess.CONFIRM_TO_PERSON, confirmToPerson);
        });
        Mocks.register("sendConfirmationDelegate", (JavaDelegate) execution -> steps.add("confirm"));
        Mocks.register("checkConfirmationDeliveryDelegate", (JavaDelegate) execution -> {
            String delivery = deliveries.isEmpty() ? "SENT" : deliveries.poll();
            steps.add("delivery:" + delivery);
            execution.setVariable(ErasureProcess.CONFIRMATION_DELIVERY, delivery);
        });
        Mocks.register("endPersonsCasesDelegate", (JavaDelegate) execution -> steps.add("end cases"));
        Mocks.register("erasePersonalDataDelegate", (JavaDelegate) execution -> steps.add("erase"));
        Mocks.register("verifyErasureDelegate", (JavaDelegate) execution -> {
            boolean found = !residue.isEmpty() && residue.poll();
            steps.add(found ? "verify:residue" : "verify:clean");
            execution.setVariable(ErasureProcess.RESIDUE_FOUND, found);
        });
        Mocks.register("forgetIdentifiersDelegate", (JavaDelegate) execution -> steps.add("forget"));
        Mocks.register("staffTaskListener", (TaskListener) task -> steps.add("task:" + task.getEventName()));
        Mocks.register("erasureTimers", new ErasureTimers(Duration.ofMinutes(1)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void clean_theConfirmationIsSentBeforeAnythingIsErased_thenVerified_DSR7() {
        deliveries.add("PENDING"); // the outbox has not sent it yet
        ProcessInstance pi = start(1);

        assertThat(pi).isWaitingAt("TimerEvent_ConfirmationPending");
        assertThat(steps).containsExactly("guard", "identify", "confirm", "delivery:PENDING");

        later(Duration.ofMinutes(1)); // asks the outbox again: sent
        assertThat(pi).isEnded().hasPassed("Task_SendConfirmation", "Task_EndPersonsCases", "Task_ErasePersonalData", "Task_VerifyErasure",
                "Task_ForgetIdentifiers", "EndEvent_ErasureVerified").hasNotPassed("Task_ResolveResidue");
        assertThat(steps).containsExactly("guard", "identify", "confirm", "delivery:PENDING", "delivery:SENT",
                "end cases", "erase", "verify:clean", "forget");
    }

    @Test
    void mailFailure_theErasureGoesOnOnceTheOutboxGivesUp() {
        deliveries.addAll(List.of("PENDING", "PENDING", "FAILED"));
        ProcessInstance pi = start(2);
        later(Duration.ofMinutes(1));
        assertThat(pi).isWaitingAt("TimerEvent_ConfirmationPending");
        assertThat(steps).doesNotContain("end cases", "erase");

        later(Duration.ofMinutes(1));
        assertThat(pi).isEnded().hasPassed("EndEvent_ErasureVerified");
        assertThat(steps).containsExactly("guard", "identify", "confirm", "delivery:PENDING", "delivery:PENDING",
                "delivery:FAILED", "end cases", "erase", "verify:clean", "forget");
        assertThat(variable(pi, ErasureProcess.CONFIRMATION_DELIVERY)).isEqualTo("FAILED");
    }

    @Test
    void nothingFound_noMailGoesOut_theErasureRunsAndIsVerified() {
        personKnown = false;
        confirmToPerson = false;
        ProcessInstance pi = start(3);

        assertThat(pi).isEnded().hasPassed("Task_IdentifyPerson", "Task_EndPersonsCases", "Task_ErasePersonalData", "Task_VerifyErasure",
                "EndEvent_ErasureVerified").hasNotPassed("Task_SendConfirmation", "Task_CheckConfirmationDelivery");
        assertThat(steps).containsExactly("guard", "identify", "end cases", "erase", "verify:clean", "forget");
        assertThat(variable(pi, ErasureProcess.PERSON_KNOWN)).isEqualTo(false);
    }

    @Test
    void underAge_theChildIsNeverWrittenTo_DSR10() {
        personKnown = true;
        confirmToPerson = false; // Task_IdentifyPerson decides: an under-age erasure confirms to nobody
        ProcessInstance pi = start(4);

        assertThat(pi).isEnded().hasNotPassed("Task_SendConfirmation").hasPassed("EndEvent_ErasureVerified");
        assertThat(steps).containsExactly("guard", "identify", "end cases", "erase", "verify:clean", "forget");
    }

    @Test
    void residue_goesToThePrivacyOfficers_whoScanAgain_untilItIsVerified() {
        residue.add(true);
        ProcessInstance pi = start(5);

        assertThat(pi).isWaitingAt(ErasureProcess.TASK_RESOLVE_RESIDUE);
        assertThat(task(pi)).hasCandidateGroup("privacy-officers");
        assertThat(steps).endsWith("end cases", "erase", "verify:residue", "task:create");

        taskService().complete(task(pi).getId(), Map.of(ErasureProcess.SCAN_AGAIN, true));
        DueJobs.run(managementService());
        assertThat(pi).isEnded().hasPassed("EndEvent_ErasureVerified").hasNotPassed("EndEvent_ErasureClosedWithResidue");
        assertThat(steps).endsWith("end cases", "erase", "verify:residue", "task:create", "task:complete", "verify:clean", "forget");
    }

    @Test
    void residue_thatMustStay_isClosedWithTheResidueRecorded() {
        residue.add(true);
        ProcessInstance pi = start(6);
        assertThat(pi).isWaitingAt(ErasureProcess.TASK_RESOLVE_RESIDUE);

        taskService().complete(task(pi).getId(), Map.of(ErasureProcess.SCAN_AGAIN, false));
        DueJobs.run(managementService());
        assertThat(pi).isEnded().hasPassed("Task_ForgetIdentifiers", "EndEvent_ErasureClosedWithResidue")
                .hasNotPassed("EndEvent_ErasureVerified");
        assertThat(steps).endsWith("verify:residue", "task:create", "task:complete", "forget");
    }

    @Test
    void theProcessHoldsFlagsOnly_neverAnIdentifier() {
        ProcessInstance pi = start(7);
        assertThat(pi).isEnded();
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(v -> v.getName())
                .containsOnly(ErasureProcess.PERSON_KNOWN, ErasureProcess.CONFIRM_TO_PERSON,
                        ErasureProcess.CONFIRMATION_DELIVERY, ErasureProcess.RESIDUE_FOUND);
    }

    private ProcessInstance start(long erasureId) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ErasureProcess.KEY, ErasureProcess.businessKey(erasureId));
        DueJobs.run(managementService());
        return pi;
    }

    private void later(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration).plusSeconds(1)));
        DueJobs.run(managementService());
    }

    private static Object variable(ProcessInstance pi, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
                .singleResult().getValue();
    }
}
