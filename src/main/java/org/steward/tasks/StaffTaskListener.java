package org.steward.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import org.steward.security.CurrentStaffUser;

/**
 * Every staff user task names this listener for create, complete and delete (the BPMN says so; a test
 * checks every user task does): on create it names the task after its case; on complete it checks the
 * completing user belongs to the task's group, stores the form's input with the case and sets only the
 * declared outputs; on delete it drops input nobody completed.
 */
@Component("staffTaskListener")
class StaffTaskListener implements TaskListener {

    private final StaffTasks tasks;

    StaffTaskListener(StaffTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> tasks.onCreate(describe(task), task::setName);
            case EVENTNAME_COMPLETE -> {
                Map<String, Object> completion = new HashMap<>(task.getVariablesLocal());
                task.getExecution().getVariables().forEach(completion::putIfAbsent);
                Map<String, Object> outputs = tasks.onComplete(describe(task), CurrentStaffUser.of(task), outputsOnly(task, completion));
                outputs.forEach(task.getExecution()::setVariable);
            }
            case EVENTNAME_DELETE -> tasks.onDelete(task.getId());
            default -> { }
        }
    }

    /** Of the variables in scope, those a completion may have set: the form's declared outputs. */
    private Map<String, Object> outputsOnly(DelegateTask task, Map<String, Object> variables) {
        return tasks.declaredOutputs(task.getTaskDefinitionKey()).stream()
                .filter(variables::containsKey)
                .collect(HashMap::new, (m, name) -> m.put(name, variables.get(name)), HashMap::putAll);
    }

    private StaffTask describe(DelegateTask task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return new StaffTask(task.getId(), task.getTaskDefinitionKey(), tasks.processKey(task.getProcessDefinitionId()),
                task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(), task.getName(),
                task.getAssignee(), groups, task.getCreateTime(), task.getDueDate());
    }
}
