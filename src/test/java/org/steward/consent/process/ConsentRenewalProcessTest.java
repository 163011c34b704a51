package org.steward.consent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
import org.steward.consent.ConsentProcesses;
import org.steward.support.DueJobs;

/**
 * Every path of ConsentRenewalProcess.bpmn (CON-3) on the engine clock, with the delegates mocked: one
 * instance per expiry day waits on one timer at a time; 30 days before expiry the renewal requests go
 * out a chunk per job, 7 days before the reminders, and when the day is over the lapse. Which members a
 * step reaches is the services' answer when the step starts (ConsentLifecycleTest walks a member's paths
 * with the real services).
 */
@Deployment(resources = "bpmn/ConsentRenewalProcess.bpmn")
class ConsentRenewalProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant EXPIRY_DAY = Instant.parse("2027-03-02T00:00:00Z");
    private static final Instant REQUEST_AT = EXPIRY_DAY.minus(Duration.ofDays(30));
    private static final Instant REMINDER_AT = EXPIRY_DAY.minus(Duration.ofDays(7));
    private static final Instant LAPSE_AT = EXPIRY_DAY.plus(Duration.ofDays(1));

    /** Stands in for ConsentTimers: the three dates of expiry day 3. */
    public static class Timers {
        public Date renewalRequestAt(DelegateExecution e) { return Date.from(REQUEST_AT); }
        public Date reminderAt(DelegateExecution e) { return Date.from(REMINDER_AT); }
        public Date lapseAt(DelegateExecution e) { return Date.from(LAPSE_AT); }
    }

    /** Stands in for ConsentChunks: the chunks still holding consents of the day, as each step starts. */
    public static class Chunks {
        List<Long> now = List.of();
        public List<Long> expiring(DelegateExecution e) { return now; }
    }

    private final Chunks chunks = new Chunks();
    private final JavaDelegate sendRequests = mock(JavaDelegate.class);
    private final JavaDelegate sendReminders = mock(JavaDelegate.class);
    private final JavaDelegate lapse = mock(JavaDelegate.class);
    private final JavaDelegate close = mock(JavaDelegate.class);
    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void registerBeans() throws Exception {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        record(sendRequests, "request");
        record(sendReminders, "reminder");
        record(lapse, "lapse");
        Mocks.register("consentTimers", new Timers());
        Mocks.register("consentChunks", chunks);
        Mocks.register("sendRenewalRequestsDelegate", sendRequests);
        Mocks.register("sendRenewalRemindersDelegate", sendReminders);
        Mocks.register("lapseUnrenewedConsentsDelegate", lapse);
        Mocks.register("closeExpiryDayDelegate", close);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void nobodyAnswers_requestsAt30Days_remindersAt7Days_lapseWhenTheDayIsOver_oneJobPerChunk() throws Exception {
        ProcessInstance day = start();
        assertThat(day).isWaitingAt("TimerEvent_RenewalRequestDue");
        assertThat(jobsOf(day)).hasSize(1); // 100,000 consents of one day wait on this one timer

        chunks.now = List.of(0L, 1L);
        runAt(REQUEST_AT.minusSeconds(60));
        assertThat(steps).isEmpty();
        runAt(REQUEST_AT.plusSeconds(60));
        assertThat(steps).containsExactly("request:0", "request:1");
        assertThat(day).isWaitingAt("TimerEvent_ReminderDue");
        assertThat(jobsOf(day)).hasSize(1);

        runAt(REMINDER_AT.minusSeconds(60));
        assertThat(steps).hasSize(2);
        runAt(REMINDER_AT.plusSeconds(60));
        assertThat(steps).containsExactly("request:0", "request:1", "reminder:0", "reminder:1");

        runAt(LAPSE_AT.minusSeconds(60));
        assertThat(steps).hasSize(4);
        runAt(LAPSE_AT.plusSeconds(60));
        assertThat(steps).containsExactly("request:0", "request:1", "reminder:0", "reminder:1", "lapse:0", "lapse:1");
        verify(close).execute(any());
        assertThat(day).hasPassed("Task_CloseExpiryDay").isEnded();
        assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(day.getId()).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_ConsentsRenewedOrLapsed");
    }

    @Test
    void renewedOnTime_theRenewedMembersChunkGetsNoReminderAndNoLapse() throws Exception {
        ProcessInstance day = start();
        chunks.now = List.of(0L, 4L);
        runAt(REQUEST_AT.plusSeconds(60));
        chunks.now = List.of(4L); // everyone in chunk 0 renewed (or withdrew) after the request
        runAt(REMINDER_AT.plusSeconds(60));
        chunks.now = List.of(); // and chunk 4 after the reminder
        runAt(LAPSE_AT.plusSeconds(60));
        assertThat(steps).containsExactly("request:0", "request:4", "reminder:4");
        verify(lapse, never()).execute(any());
        assertThat(day).hasPassed("Task_LapseUnrenewedConsents#multiInstanceBody", "Task_CloseExpiryDay").isEnded();
    }

    @Test
    void everyoneWithdrewBeforeTheRequest_nothingIsSent_theDayCloses() throws Exception {
        ProcessInstance day = start();
        chunks.now = List.of();
        runAt(LAPSE_AT.plusSeconds(60));
        assertThat(steps).isEmpty();
        verify(close).execute(any());
        assertThat(day).isEnded();
    }

    @Test
    void aTimerFoundLate_stillRunsEveryStepInOrder() throws Exception {
        ProcessInstance day = start();
        chunks.now = List.of(2L);
        runAt(LAPSE_AT.plus(Duration.ofDays(3))); // the engine was down over the whole window
        assertThat(steps).containsExactly("request:2", "reminder:2", "lapse:2");
        assertThat(day).isEnded();
    }

    @Test
    void processVariablesHoldChunkNumbersOnly() throws Exception {
        ProcessInstance day = start();
        chunks.now = List.of(0L, 1L);
        runAt(LAPSE_AT.plusSeconds(60));
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(day.getId()).list())
                .extracting(v -> v.getName())
                .containsOnly(ConsentProcesses.CHUNK); // no multi-instance counters in history (issue 14)
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(ConsentProcesses.RENEWAL_KEY, "consent-3");
    }

    private void record(JavaDelegate delegate, String step) throws Exception {
        doAnswer(call -> {
            steps.add(step + ":" + ((DelegateExecution) call.getArgument(0)).getVariable(ConsentProcesses.CHUNK));
            return null;
        }).when(delegate).execute(any());
    }

    private static void runAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
        DueJobs.run(managementService());
    }

    private static List<Job> jobsOf(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).list();
    }
}
