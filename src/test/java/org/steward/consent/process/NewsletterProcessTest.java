package org.steward.consent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

/** NewsletterProcess.bpmn (CON-5): recipients fixed in the submitting request, then one job per chunk. */
@Deployment(resources = "bpmn/NewsletterProcess.bpmn")
class NewsletterProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    public static class Chunks {
        public List<Long> newsletter(DelegateExecution e) { return List.of(0L, 1L); }
    }

    private final JavaDelegate select = mock(JavaDelegate.class);
    private final JavaDelegate queue = mock(JavaDelegate.class);
    private final List<Object> queued = new ArrayList<>();

    @BeforeEach
    void registerBeans() throws Exception {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE.getProcessEngine());
        doAnswer(call -> queued.add(((DelegateExecution) call.getArgument(0)).getVariable(ConsentProcesses.CHUNK)))
                .when(queue).execute(any());
        Mocks.register("consentChunks", new Chunks());
        Mocks.register("selectNewsletterRecipientsDelegate", select);
        Mocks.register("queueNewslettersDelegate", queue);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void recipientsAreSelectedInTheSubmittingTransaction_thenQueuedOneJobPerChunk() throws Exception {
        ProcessInstance newsletter = runtimeService().startProcessInstanceByKey(ConsentProcesses.NEWSLETTER_KEY, "newsletter-5");
        verify(select).execute(any()); // before start returns: the API answers with the number of recipients
        assertThat(newsletter).isWaitingAt("Task_QueueNewsletters#multiInstanceBody"); // async: one job per chunk follows
        assertThat(queued).isEmpty();
        DueJobs.run(managementService());
        assertThat(queued).containsExactly(0L, 1L);
        assertThat(newsletter).hasPassed("EndEvent_NewsletterQueued").isEnded();
    }
}
