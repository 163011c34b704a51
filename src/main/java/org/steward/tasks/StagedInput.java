package org.steward.tasks;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a person typed into a task form, checked and kept in our table (never the engine's) between the
 * form's save and the task's completion in Tasklist. Removed when the task completes or disappears.
 */
@Entity
@Table(name = "staff_task_input")
class StagedInput {

    @Id
    private String taskId;
    private String taskKey;
    private String staffUser;
    private String inputJson;
    private String outputsJson;
    private Instant stagedAt;

    protected StagedInput() {
    }

    StagedInput(String taskId, String taskKey, String staffUser, String inputJson, String outputsJson, Instant stagedAt) {
        this.taskId = taskId;
        this.taskKey = taskKey;
        this.staffUser = staffUser;
        this.inputJson = inputJson;
        this.outputsJson = outputsJson;
        this.stagedAt = stagedAt;
    }

    String getTaskId() { return taskId; }
    String getTaskKey() { return taskKey; }
    String getStaffUser() { return staffUser; }
    String getInputJson() { return inputJson; }
    String getOutputsJson() { return outputsJson; }
    Instant getStagedAt() { return stagedAt; }
}
