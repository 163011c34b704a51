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
    /** What Task_ErasePersonalData and each Task_EraseHeldRecords answer: records still held (DSR-4)? */
    private final Deque<Boolean> held = new ArrayDeque<>();
    private static final Instant HOLD_ENDS = START.plus(Duration.ofDays(400));

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
        Mocks.register("erasePersonalDataDelegate", (JavaDelegate) execution -> {
            steps.add("erase");
            execution.setVariable(ErasureProcess.RECORDS_HELD, !held.isEmpty() && held.poll());
        });
        Mocks.register("instructProcessorsDelegate", (JavaDelegate) execution -> steps.add("instruct"));
        Mocks.register("eraseHeldRecordsDelegate", (JavaDelegate) execution -> {
            steps.add("erase held");
            execution.setVariable(ErasureProcess.RECORDS_HELD, !held.isEmpty() && held.poll());
        });
        Mocks.register("heldRecordTimers", new HeldRecordTimers(erasureId -> HOLD_ENDS));
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
                "end cases", "erase", "instruct", "verify:clean", "forget");
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
                "delivery:FAILED", "end cases", "erase", "instruct", "verify:clean", "forget");
        assertThat(variable(pi, ErasureProcess.CONFIRMATION_DELIVERY)).isEqualTo("FAILED");
    }

    @Test
    void nothingFound_noMailGoesOut_theErasureRunsAndIsVerified() {
        personKnown = false;
        confirmToPerson = false;
        ProcessInstance pi = start(3);

        assertThat(pi).isEnded().hasPassed("Task_IdentifyPerson", "Task_EndPersonsCases", "Task_ErasePersonalData", "Task_VerifyErasure",
                "EndEvent_ErasureVerified").hasNotPassed("Task_SendConfirmation", "Task_CheckConfirmationDelivery");
        assertThat(steps).containsExactly("guard", "identify", "end cases", "erase", "instruct", "verify:clean", "forget");
        assertThat(variable(pi, ErasureProcess.PERSON_KNOWN)).isEqualTo(false);
    }

    @Test
    void underAge_theChildIsNeverWrittenTo_DSR10() {
        personKnown = true;
        confirmToPerson = false; // Task_IdentifyPerson decides: an under-age erasure confirms to nobody
        ProcessInstance pi = start(4);

        assertThat(pi).isEnded().hasNotPassed("Task_SendConfirmation").hasPassed("EndEvent_ErasureVerified");
        assertThat(steps).containsExactly("guard", "identify", "end cases", "erase", "instruct", "verify:clean", "forget");
    }

    @Test
    void residue_goesToThePrivacyOfficers_whoScanAgain_untilItIsVerified() {
        residue.add(true);
        ProcessInstance pi = start(5);

        assertThat(pi).isWaitingAt(ErasureProcess.TASK_RESOLVE_RESIDUE);
        assertThat(task(pi)).hasCandidateGroup("privacy-officers");
        assertThat(steps).endsWith("end cases", "erase", "instruct", "verify:residue", "task:create");

        taskService().complete(task(pi).getId(), Map.of(ErasureProcess.SCAN_AGAIN, true));
        DueJobs.run(managementService());
        assertThat(pi).isEnded().hasPassed("EndEvent_ErasureVerified").hasNotPassed("EndEvent_ErasureClosedWithResidue");
        assertThat(steps).endsWith("end cases", "erase", "instruct", "verify:residue", "task:create", "task:complete", "verify:clean",
                "forget");
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
                        ErasureProcess.CONFIRMATION_DELIVERY, ErasureProcess.RESIDUE_FOUND, ErasureProcess.RECORDS_HELD);
    }

    @Test
    void legalHold_theRestIsErasedAndVerified_theHeldRecordsWhenTheHoldEndsOnItsDate_DSR4() {
        held.addAll(List.of(true, false)); // the first pass keeps records; once the hold ends nothing is held
        ProcessInstance pi = start(8);

        assertThat(pi).isWaitingAt(ErasureProcess.WAIT_FOR_HOLD).hasPassed("Task_InstructProcessors", "Task_VerifyErasure")
                .hasNotPassed("Task_ForgetIdentifiers", "Task_EraseHeldRecords");
        assertThat(steps).endsWith("end cases", "erase", "instruct", "verify:clean");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getDuedate())
                .isEqualTo(Date.from(HOLD_ENDS));

        ClockUtil.setCurrentTime(Date.from(HOLD_ENDS.minusSeconds(60)));
        DueJobs.run(managementService());
        assertThat(pi).isWaitingAt(ErasureProcess.WAIT_FOR_HOLD); // not a minute early

        ClockUtil.setCurrentTime(Date.from(HOLD_ENDS.plusSeconds(1)));
        DueJobs.run(managementService());
        assertThat(pi).isEnded().hasPassed("TimerEvent_LegalHoldEnds", "Task_EraseHeldRecords", "EndEvent_ErasureVerified")
                .hasNotPassed("MessageEvent_LegalHoldReleased");
        assertThat(steps).endsWith("end cases", "erase", "instruct", "verify:clean", "erase held", "verify:clean", "forget");
    }

    @Test
    void legalHold_releasedEarly_byMessage_erasesTheHeldRecordsAtOnce_DSR4() {
        held.addAll(List.of(true, false));
        ProcessInstance pi = start(9);
        assertThat(pi).isWaitingAt(ErasureProcess.WAIT_FOR_HOLD);

        later(Duration.ofDays(30));
        runtimeService().createMessageCorrelation(ErasureProcess.MSG_LEGAL_HOLD_RELEASED)
                .processInstanceBusinessKey(ErasureProcess.businessKey(9)).correlate();
        DueJobs.run(managementService());

        assertThat(pi).isEnded().hasPassed("MessageEvent_LegalHoldReleased", "Task_EraseHeldRecords", "EndEvent_ErasureVerified")
                .hasNotPassed("TimerEvent_LegalHoldEnds");
        assertThat(steps).endsWith("verify:clean", "erase held", "verify:clean", "forget");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void legalHold_aSecondHoldStillKeepsRecords_theErasureWaitsAgain_DSR4() {
        held.addAll(List.of(true, true, false)); // two holds: the first ends, the second still keeps a place
        ProcessInstance pi = start(10);
        runtimeService().createMessageCorrelation(ErasureProcess.MSG_LEGAL_HOLD_RELEASED)
                .processInstanceBusinessKey(ErasureProcess.businessKey(10)).correlate();
        DueJobs.run(managementService());
        assertThat(pi).isWaitingAt(ErasureProcess.WAIT_FOR_HOLD);
        assertThat(steps).endsWith("erase held", "verify:clean");

        ClockUtil.setCurrentTime(Date.from(HOLD_ENDS.plusSeconds(1)));
        DueJobs.run(managementService());
        assertThat(pi).isEnded().hasPassed("EndEvent_ErasureVerified");
        assertThat(steps).endsWith("erase held", "verify:clean", "erase held", "verify:clean", "forget");
    }

    @Test
    void noHold_theErasureNeverWaits() {
        ProcessInstance pi = start(11);
        assertThat(pi).isEnded().hasNotPassed("Task_EraseHeldRecords", "TimerEvent_LegalHoldEnds", "MessageEvent_LegalHoldReleased");
        assertThat(variable(pi, ErasureProcess.RECORDS_HELD)).isEqualTo(false);
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
