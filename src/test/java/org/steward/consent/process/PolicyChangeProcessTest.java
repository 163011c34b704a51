package org.steward.consent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.steward.consent.ConsentProcesses;
import org.steward.support.DueJobs;

/**
 * Both paths of PolicyChangeProcess.bpmn (CON-6) on the engine clock: with and without a new purpose,
 * notices a chunk per job, and the version put in force when its effective date begins.
 */
@Deployment(resources = "bpmn/PolicyChangeProcess.bpmn")
class PolicyChangeProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final Instant PUBLISHED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant EFFECTIVE = Instant.parse("2026-04-14T00:00:00Z");

    public static class Timers {
        public Date policyEffectiveAt(DelegateExecution e) { return Date.from(EFFECTIVE); }
    }

    public static class Chunks {
        public List<Long> policyNotices(DelegateExecution e) { return List.of(0L, 1L, 2L); }
    }

    private final JavaDelegate openNewPurposes = mock(JavaDelegate.class);
    private final JavaDelegate selectRecipients = mock(JavaDelegate.class);
    private final JavaDelegate queueNotices = mock(JavaDelegate.class);
    private final JavaDelegate putInForce = mock(JavaDelegate.class);
    private final List<Object> queuedChunks = new ArrayList<>();

    @BeforeEach
    void registerBeans() throws Exception {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(PUBLISHED));
        doAnswer(call -> queuedChunks.add(((DelegateExecution) call.getArgument(0)).getVariable(ConsentProcesses.CHUNK)))
                .when(queueNotices).execute(any());
        Mocks.register("consentTimers", new Timers());
        Mocks.register("consentChunks", new Chunks());
        Mocks.register("openNewPurposesDelegate", openNewPurposes);
        Mocks.register("selectPolicyNoticeRecipientsDelegate", selectRecipients);
        Mocks.register("queuePolicyNoticesDelegate", queueNotices);
        Mocks.register("putPolicyInForceDelegate", putInForce);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void withoutANewPurpose_noticesGoOut_andTheVersionTakesEffectOnItsDate() throws Exception {
        ProcessInstance policy = start(false);
        verify(openNewPurposes, never()).execute(any());
        verify(selectRecipients).execute(any());
        assertThat(queuedChunks).containsExactly(0L, 1L, 2L);
        assertThat(policy).hasPassed("Gateway_PurposesReady").hasNotPassed("Task_OpenNewPurposes")
                .isWaitingAt("TimerEvent_EffectiveDateReached");
        verify(putInForce, never()).execute(any());

        ClockUtil.setCurrentTime(Date.from(EFFECTIVE.minusSeconds(60)));
        DueJobs.run(managementService());
        verify(putInForce, never()).execute(any());
        ClockUtil.setCurrentTime(Date.from(EFFECTIVE.plusSeconds(60)));
        DueJobs.run(managementService());
        verify(putInForce).execute(any());
        assertThat(policy).hasPassed("EndEvent_PolicyInForce").isEnded();
    }

    @Test
    void withANewPurpose_itIsOpenedForChoiceBeforeTheNoticesAsk() throws Exception {
        List<String> order = new ArrayList<>();
        doAnswer(call -> order.add("open")).when(openNewPurposes).execute(any());
        doAnswer(call -> order.add("select")).when(selectRecipients).execute(any());
        ProcessInstance policy = start(true);
        assertThat(order).containsExactly("open", "select");
        assertThat(policy).hasPassed("Task_OpenNewPurposes", "Task_QueuePolicyNotices")
                .isWaitingAt("TimerEvent_EffectiveDateReached");
        ClockUtil.setCurrentTime(Date.from(EFFECTIVE.plusSeconds(60)));
        DueJobs.run(managementService());
        assertThat(policy).isEnded();
    }

    private ProcessInstance start(boolean addsPurpose) {
        ProcessInstance policy = runtimeService().startProcessInstanceByKey(ConsentProcesses.POLICY_KEY, "policy-2",
                Map.of(ConsentProcesses.ADDS_PURPOSE, addsPurpose));
        assertThat(policy).isWaitingAt("StartEvent_PolicyPublished"); // the API returns at once
        DueJobs.run(managementService());
        return policy;
    }
}
