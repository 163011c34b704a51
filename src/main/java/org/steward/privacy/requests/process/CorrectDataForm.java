package org.steward.privacy.requests.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.Rectifications;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_CorrectData (RECTIFICATION): the officer sees the person's current values and enters the corrected
 * ones; they are applied through the owning modules on completion. Nothing reaches the engine: the task
 * completes without variables.
 */
@Component
class CorrectDataForm implements TaskForm {

    private final Rectifications rectifications;

    CorrectDataForm(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public String taskKey() {
        return DataSubjectRequestProcess.TASK_CORRECT_DATA;
    }

    @Override
    public Set<String> outputs() {
        return Set.of();
    }

    @Override
    public Rectifications.Correctable view(StaffTask task) {
        return rectifications.correctable(task.caseId(DataSubjectRequestProcess.CASE));
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        rectifications.check(task.caseId(DataSubjectRequestProcess.CASE), input);
        return Map.of();
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        rectifications.apply(task.caseId(DataSubjectRequestProcess.CASE), input, staffUser == null ? "system" : staffUser);
    }

    /** "Correct data for rectification request #12": the number, never a name. */
    @Override
    public String title(StaffTask task) {
        return rectifications.title(task.caseId(DataSubjectRequestProcess.CASE));
    }
}
