package org.steward.matching.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
import org.steward.matching.MatchingProcesses;
import org.steward.support.DueJobs;

/**
 * Every path of MatchProcess.bpmn, "Run a match" (MAT-4 to MAT-6): introductions and the organisation report first,
 * a check-in every 30 days while active (the cycle keeps going, nothing else moves), and the close, which ends the
 * cycle and asks for feedback. Who closes (either side or staff) is the same message here; the journey tests each.
 */
@Deployment(resources = "bpmn/MatchProcess.bpmn")
class MatchProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String CASE = "match-7";

    public static class Timers {
        public String getCheckInCycle() { return "R/P30D"; }
    }

    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("matchingTimers", new Timers());
        Mocks.register("sendIntroductionsDelegate", (JavaDelegate) e -> steps.add("introduce"));
        Mocks.register("reportMatchDelegate", (JavaDelegate) e -> steps.add("report match"));
        Mocks.register("sendCheckInsDelegate", (JavaDelegate) e -> steps.add("check-in"));
        Mocks.register("askForFeedbackDelegate", (JavaDelegate) e -> steps.add("feedback"));
        Mocks.register("reportResultDelegate", (JavaDelegate) e -> steps.add("report result"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void introducesFirst_thenChecksInEvery30Days_whileActive() {
        ProcessInstance match = started();
        assertThat(steps).containsExactly("introduce", "report match");
        assertThat(match).isWaitingAt("Task_KeepMatchActive");

        at(Duration.ofDays(30).minusMinutes(1));
        assertThat(steps).doesNotContain("check-in");
        at(Duration.ofDays(30).plusMinutes(1));
        assertThat(steps).containsExactly("introduce", "report match", "check-in");
        assertThat(match).isWaitingAt("Task_KeepMatchActive").hasPassed("BoundaryEvent_CheckInDue", "EndEvent_CheckInSent");
        at(Duration.ofDays(60).plusMinutes(2));
        at(Duration.ofDays(90).plusMinutes(3));
        assertThat(steps).filteredOn("check-in"::equals).hasSize(3);
        assertThat(match).isNotEnded();
        assertThat(managementService().createJobQuery().timers().count()).as("one cycle timer waits").isOne();
    }

    @Test
    void closing_endsTheCheckIns_asksForFeedback_andReportsTheResult() {
        ProcessInstance match = started();
        at(Duration.ofDays(31));
        runtimeService().createMessageCorrelation(MatchingProcesses.MSG_MATCH_CLOSED).processInstanceBusinessKey(CASE).correlateAll();
        assertThat(match).isWaitingAt("Task_AskForFeedback"); // async: the closing click returns at once
        DueJobs.run(managementService());
        assertThat(match).hasPassed("Task_AskForFeedback", "Task_ReportResultToOrganisation", "EndEvent_MatchClosed").isEnded();
        assertThat(steps).containsExactly("introduce", "report match", "check-in", "feedback", "report result");
        assertThat(managementService().createJobQuery().count()).as("no check-in after the close").isZero();
    }

    private ProcessInstance started() {
        ProcessInstance match = runtimeService().startProcessInstanceByKey(MatchingProcesses.MATCH_KEY, CASE);
        assertThat(match).isWaitingAt("Task_SendIntroductions");
        DueJobs.run(managementService());
        return match;
    }

    private static void at(Duration sinceStart) {
        ClockUtil.setCurrentTime(Date.from(START.plus(sinceStart)));
        DueJobs.run(managementService());
    }
}
