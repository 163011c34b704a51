package org.steward.consent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
import org.steward.consent.ConsentProcesses;
import org.steward.support.DueJobs;

/**
 * Every path of PromotionReleaseProcess.bpmn, "Release member story" (CON-4), on the engine clock:
 * confirmed (only then "Publish story"), refused, silent for 14 days, and PROMOTION withdrawn before the
 * answer or before publishing (CON-2).
 */
@Deployment(resources = "bpmn/PromotionReleaseProcess.bpmn")
class PromotionReleaseProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String CASE = "release-8";

    public static class Timers {
        public String getReleaseAnswerWithin() { return "P14D"; }
    }

    private final JavaDelegate sendRequest = mock(JavaDelegate.class);
    private final JavaDelegate closeUnanswered = mock(JavaDelegate.class);
    private final JavaDelegate cancel = mock(JavaDelegate.class);
    private final List<String> publishTask = new ArrayList<>();
    private final TaskListener staffTaskListener = task -> publishTask.add(task.getEventName());

    @BeforeEach
    void registerBeans() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("consentTimers", new Timers());
        Mocks.register("sendReleaseRequestDelegate", sendRequest);
        Mocks.register("closeUnansweredReleaseDelegate", closeUnanswered);
        Mocks.register("cancelReleaseDelegate", cancel);
        Mocks.register("staffTaskListener", staffTaskListener);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void confirmed_bringsPublishStory_forProgramStaff_andEndsPublished() throws Exception {
        ProcessInstance release = start();
        verify(sendRequest).execute(any());
        assertThat(release).isWaitingAt("Gateway_MemberAnswer");
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(release.getId()).count()).isOne();
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery().processInstanceId(release.getId()).count())
                .as("no Publish story before the member confirms").isZero();

        correlate(ConsentProcesses.MSG_RELEASE_CONFIRMED);
        assertThat(release).isWaitingAt(ConsentProcesses.TASK_PUBLISH_STORY);
        assertThat(task(release)).hasCandidateGroup("program-staff");
        complete(task(release));
        assertThat(release).hasPassed("MessageEvent_ReleaseConfirmed", "EndEvent_StoryPublished").isEnded();
        assertThat(publishTask).containsExactly("create", "complete");
        verify(closeUnanswered, never()).execute(any());
    }

    @Test
    void refused_endsWithoutPublishing() throws Exception {
        ProcessInstance release = start();
        correlate(ConsentProcesses.MSG_RELEASE_REFUSED);
        assertThat(release).hasPassed("EndEvent_ReleaseRefused").hasNotPassed(ConsentProcesses.TASK_PUBLISH_STORY).isEnded();
        assertThat(publishTask).isEmpty();
    }

    @Test
    void silentFor14Days_isClosed_notConfirmed() throws Exception {
        ProcessInstance release = start();
        moveClock(Duration.ofDays(14).minusMinutes(1));
        assertThat(managementService().createJobQuery().timers().executable().count()).isZero();
        moveClock(Duration.ofDays(14).plusMinutes(1));
        DueJobs.run(managementService());
        verify(closeUnanswered).execute(any());
        assertThat(release).hasPassed("TimerEvent_NoAnswer", "EndEvent_ReleaseNotConfirmed")
                .hasNotPassed(ConsentProcesses.TASK_PUBLISH_STORY).isEnded();
    }

    @Test
    void promotionWithdrawnBeforeTheAnswer_cancelsTheRelease() throws Exception {
        ProcessInstance release = start();
        correlate(ConsentProcesses.MSG_PROMOTION_CONSENT_ENDED);
        verify(cancel).execute(any());
        assertThat(release).hasPassed("MessageEvent_ConsentEnded", "EndEvent_ReleaseCancelled").isEnded();
    }

    @Test
    void promotionWithdrawnBeforePublishing_removesTheTask_andCancels() throws Exception {
        ProcessInstance release = start();
        correlate(ConsentProcesses.MSG_RELEASE_CONFIRMED);
        assertThat(release).isWaitingAt(ConsentProcesses.TASK_PUBLISH_STORY);
        correlate(ConsentProcesses.MSG_PROMOTION_CONSENT_ENDED);
        verify(cancel).execute(any());
        assertThat(release).hasPassed("BoundaryEvent_ConsentEndedBeforePublishing", "EndEvent_ReleaseCancelled")
                .hasNotPassed("EndEvent_StoryPublished").isEnded();
        assertThat(publishTask).containsExactly("create", "delete");
    }

    private ProcessInstance start() {
        ProcessInstance release = runtimeService().startProcessInstanceByKey(ConsentProcesses.RELEASE_KEY, CASE);
        assertThat(release).isWaitingAt("Task_SendReleaseRequest"); // async: the API returns at once
        DueJobs.run(managementService());
        return release;
    }

    private static void correlate(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(CASE).correlateAll();
    }

    private static void moveClock(Duration sinceStart) {
        ClockUtil.setCurrentTime(Date.from(START.plus(sinceStart)));
    }
}
