package org.steward.matching.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;

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
import org.steward.matching.MatchingProcesses;
import org.steward.support.DueJobs;

/**
 * Every path of MatchRequestProcess.bpmn, "Find a mentor" (MAT-1 to MAT-3), on the engine clock: the first
 * candidate accepts; one declines and the next accepts; silence for 7 days moves on; a mentor who cannot be asked
 * is skipped; three unsuccessful candidates bring "Find mentor", where staff pick another or close the request.
 */
@Deployment(resources = "bpmn/MatchRequestProcess.bpmn")
class MatchRequestProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String CASE = "match-request-4";

    public static class Timers {
        public String getMentorAnswerWithin() { return "P7D"; }
    }

    private final List<String> steps = new ArrayList<>();
    /** What the next "Ask mentor" and "Record unsuccessful ask" steps answer. */
    private final Deque<Boolean> asked = new ArrayDeque<>();
    private final Deque<Boolean> next = new ArrayDeque<>();
    private final List<String> tasks = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("matchingTimers", new Timers());
        Mocks.register("scoreCandidatesDelegate", (JavaDelegate) e -> steps.add("score"));
        Mocks.register("askMentorDelegate", (JavaDelegate) e -> {
            steps.add("ask");
            e.setVariable(MatchingProcesses.MENTOR_ASKED, asked.isEmpty() || asked.pop());
        });
        Mocks.register("recordUnsuccessfulAskDelegate", (JavaDelegate) e -> {
            steps.add("unsuccessful");
            e.setVariable(MatchingProcesses.NEXT_CANDIDATE, !next.isEmpty() && next.pop());
        });
        Mocks.register("startMatchDelegate", (JavaDelegate) e -> steps.add("start match"));
        Mocks.register("closeRequestDelegate", (JavaDelegate) e -> steps.add("close"));
        Mocks.register("staffTaskListener", (TaskListener) t -> tasks.add(t.getTaskDefinitionKey() + ":" + t.getEventName()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void firstCandidateAccepts_matchStarts() {
        ProcessInstance request = confirmed();
        assertThat(request).isWaitingAt("Gateway_MentorAnswer");
        correlate(MatchingProcesses.MSG_MENTOR_ACCEPTED);
        assertThat(request).hasPassed("MessageEvent_MentorAccepted", "Task_StartMatch", "EndEvent_MentorFound").isEnded();
        assertThat(steps).containsExactly("score", "ask", "start match");
        assertThat(tasks).containsExactly("Task_ConfirmMentor:create", "Task_ConfirmMentor:complete");
    }

    @Test
    void firstDeclines_theNextIsAskedAutomatically_andAccepts() {
        ProcessInstance request = confirmed();
        next.push(true);
        correlate(MatchingProcesses.MSG_MENTOR_DECLINED);
        assertThat(request).isWaitingAt("Task_AskMentor"); // async: the decline's POST returns at once
        DueJobs.run(managementService());
        assertThat(request).isWaitingAt("Gateway_MentorAnswer");
        correlate(MatchingProcesses.MSG_MENTOR_ACCEPTED);
        assertThat(request).hasPassed("MessageEvent_MentorDeclined", "Task_RecordUnsuccessfulAsk", "EndEvent_MentorFound").isEnded();
        assertThat(steps).containsExactly("score", "ask", "unsuccessful", "ask", "start match");
        assertThat(tasks).noneMatch(t -> t.startsWith("Task_FindMentor"));
    }

    @Test
    void sevenDaysOfSilence_moveOnToTheNextCandidate() {
        ProcessInstance request = confirmed();
        next.push(true);
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(7)).minusSeconds(60)));
        DueJobs.run(managementService());
        assertThat(steps).doesNotContain("unsuccessful");
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(7)).plusSeconds(60)));
        DueJobs.run(managementService());
        assertThat(request).hasPassed("TimerEvent_NoAnswer", "Task_RecordUnsuccessfulAsk").isWaitingAt("Gateway_MentorAnswer");
        assertThat(steps).containsExactly("score", "ask", "unsuccessful", "ask");
    }

    @Test
    void aMentorWhoCannotBeAskedAnyMore_isSkipped() {
        asked.push(false);
        ProcessInstance request = confirmed();
        assertThat(request).hasPassed("Gateway_MentorAsked", "Task_RecordUnsuccessfulAsk").isWaitingAt("Task_FindMentor");
        assertThat(steps).containsExactly("score", "ask", "unsuccessful");
    }

    @Test
    void threeUnsuccessful_bringFindMentor_staffPickAnother_orClose() {
        ProcessInstance request = confirmed();
        next.addAll(List.of(true, true, false)); // the third unsuccessful ask leaves it to staff
        correlate(MatchingProcesses.MSG_MENTOR_DECLINED);
        DueJobs.run(managementService());
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(8))));
        DueJobs.run(managementService());
        correlate(MatchingProcesses.MSG_MENTOR_DECLINED);
        assertThat(request).isWaitingAt(MatchingProcesses.TASK_FIND_MENTOR);
        assertThat(task(request)).hasCandidateGroup("program-staff");
        assertThat(steps).containsExactly("score", "ask", "unsuccessful", "ask", "unsuccessful", "ask", "unsuccessful");

        // Staff pick another: asked again.
        complete(task(request), withVariables(MatchingProcesses.CLOSE_REQUEST, false, MatchingProcesses.MENTOR_CANDIDATE_ID, 9L));
        DueJobs.run(managementService());
        assertThat(request).isWaitingAt("Gateway_MentorAnswer");
        // That one declines too, nobody is left: staff close the request.
        correlate(MatchingProcesses.MSG_MENTOR_DECLINED);
        assertThat(request).isWaitingAt(MatchingProcesses.TASK_FIND_MENTOR);
        complete(task(request), withVariables(MatchingProcesses.CLOSE_REQUEST, true));
        assertThat(request).hasPassed("Task_CloseRequest", "EndEvent_RequestClosed").hasNotPassed("Task_StartMatch").isEnded();
        assertThat(steps).endsWith("ask", "unsuccessful", "close");
    }

    private ProcessInstance confirmed() {
        ProcessInstance request = runtimeService().startProcessInstanceByKey(MatchingProcesses.REQUEST_KEY, CASE);
        assertThat(request).isWaitingAt("Task_ScoreCandidates"); // async: the API answers at once
        DueJobs.run(managementService());
        assertThat(request).isWaitingAt(MatchingProcesses.TASK_CONFIRM_MENTOR);
        assertThat(task(request)).hasCandidateGroup("program-staff");
        complete(task(request), withVariables(MatchingProcesses.MENTOR_CANDIDATE_ID, 5L));
        DueJobs.run(managementService());
        return request;
    }

    private static void correlate(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(CASE).correlateAll();
    }
}
