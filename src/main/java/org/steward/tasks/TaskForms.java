package org.steward.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every {@link TaskForm} bean, by the BPMN id of the task it serves. */
@Component
class TaskForms {

    private final Map<String, TaskForm> byTaskKey = new HashMap<>();

    TaskForms(List<TaskForm> forms) {
        for (TaskForm form : forms) {
            if (byTaskKey.put(form.taskKey(), form) != null) {
                throw new IllegalStateException("Two task forms for " + form.taskKey());
            }
        }
    }

    Optional<TaskForm> forTask(String taskKey) {
        return Optional.ofNullable(byTaskKey.get(taskKey));
    }
}
