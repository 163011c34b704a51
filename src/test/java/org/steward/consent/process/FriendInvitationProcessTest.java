package org.steward.consent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

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

/** Both paths of FriendInvitationProcess.bpmn, tell-a-friend (CON-7): the friend removes their address, or 90 days pass. */
@Deployment(resources = "bpmn/FriendInvitationProcess.bpmn")
class FriendInvitationProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public static class Timers {
        public String getFriendAddressKeptFor() { return "P90D"; }
    }

    private final JavaDelegate sendInvitation = mock(JavaDelegate.class);
    private final JavaDelegate forgetAddress = mock(JavaDelegate.class);

    @BeforeEach
    void registerBeans() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("consentTimers", new Timers());
        Mocks.register("sendFriendInvitationDelegate", sendInvitation);
        Mocks.register("forgetFriendAddressDelegate", forgetAddress);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void friendRemovesTheirAddress_theInvitationEnds_andNoTimerIsLeft() throws Exception {
        ProcessInstance invitation = start();
        verify(sendInvitation, times(1)).execute(any()); // exactly one email
        runtimeService().createMessageCorrelation(ConsentProcesses.MSG_FRIEND_ADDRESS_REMOVED)
                .processInstanceBusinessKey("invitation-4").correlate();
        assertThat(invitation).hasPassed("MessageEvent_AddressRemoved", "EndEvent_AddressRemoved").isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(invitation.getId()).count()).isZero();
        verify(forgetAddress, never()).execute(any());
    }

    @Test
    void after90Days_theAddressIsForgotten() throws Exception {
        ProcessInstance invitation = start();
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(90)).minusSeconds(60)));
        assertThat(managementService().createJobQuery().timers().executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofDays(90)).plusSeconds(60)));
        DueJobs.run(managementService());
        verify(forgetAddress).execute(any());
        verify(sendInvitation, times(1)).execute(any());
        assertThat(invitation).hasPassed("TimerEvent_AddressKeptLongEnough", "EndEvent_AddressForgotten").isEnded();
    }

    private ProcessInstance start() {
        ProcessInstance invitation = runtimeService().startProcessInstanceByKey(ConsentProcesses.INVITATION_KEY, "invitation-4");
        DueJobs.run(managementService());
        assertThat(invitation).isWaitingAt("Gateway_AddressKept");
        return invitation;
    }
}
