package org.steward.system;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The process step running on this thread, if any: the case (business key), process instance and activity of
 * the delegate or listener that called us. Ids only. Lets a service remember which step wanted something (the
 * outbox: whose mail it is) without every caller passing the execution down. Reads the engine's execution
 * context, which the engine sets around every delegate, listener and job it runs.
 */
public record ProcessStep(String processInstanceId, String activityId, String businessKey) {

    /** The step on this thread, or empty outside the engine (a web request, the outbox poller). */
    public static Optional<ProcessStep> current() {
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        if (context == null || context.getExecution() == null) {
            return Optional.empty();
        }
        DelegateExecution execution = context.getExecution();
        return Optional.of(new ProcessStep(execution.getProcessInstanceId(), execution.getCurrentActivityId(),
                execution.getProcessBusinessKey()));
    }
}
