package org.steward.tasks;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;
import org.steward.privacy.PersonalDataPlace;

/**
 * The register entry for what staff typed into a Tasklist form and have not completed yet (issue 15).
 * Input lives only while its task is open: when erasure ends a person's cases, each task's delete
 * listener drops its input, and {@link #erase} sweeps away any input whose task no longer exists.
 */
@Component
class StagedInputPersonalData implements PersonalDataPlace {

    private final StagedInputRepository staged;
    private final TaskService taskService;

    StagedInputPersonalData(StagedInputRepository staged, TaskService taskService) {
        this.staged = staged;
        this.taskService = taskService;
    }

    @Override
    public String name() {
        return "Tasklist form input awaiting completion";
    }

    @Override
    public Map<String, Set<String>> personalColumns() {
        return Map.of("staff_task_input", Set.of("input_json"));
    }

    /** Task ids and keys, staff user ids, and the outputs (decision flags). */
    @Override
    public Map<String, Set<String>> otherTextColumns() {
        return Map.of("staff_task_input", Set.of("task_id", "task_key", "staff_user", "outputs_json"));
    }

    /** Input is about a case, not a person, and lives only until its task is completed. */
    @Override
    public List<Map<String, Object>> export(long subjectId) {
        return List.of();
    }

    @Override
    public int erase(long subjectId) {
        List<StagedInput> orphans = staged.findAll().stream()
                .filter(input -> taskService.createTaskQuery().taskId(input.getTaskId()).count() == 0).toList();
        staged.deleteAll(orphans);
        return orphans.size();
    }
}
