package org.steward.tasks;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of staff task, built one way (issue 15): the form shows {@link #view} (read from our own
 * tables by the case id, never from process variables), the person's input is checked by
 * {@link #check}, and on completion {@link #apply} stores it with the case. Only {@link #outputs}
 * (ids and decision flags) ever reach the engine; free text stays in our tables.
 *
 * <p>Implementations are Spring beans; the task's BPMN id ({@link #taskKey}) connects them.
 */
public interface TaskForm {

    /** The BPMN id of the user task this form serves, e.g. {@code Task_ReviewApplication}. */
    String taskKey();

    /** The process variables a completion sets: decision flags and ids, never text. */
    Set<String> outputs();

    /** What the form shows about the case. */
    Object view(StaffTask task);

    /**
     * Checks what the person submitted, storing nothing: throws {@code InvalidInputException} naming
     * each bad field (unknown fields included), or returns the outputs this input completes the task with.
     */
    Map<String, Object> check(StaffTask task, JsonNode input);

    /** Runs inside the engine's completion, after {@link #check}: stores the input with the case. */
    void apply(StaffTask task, JsonNode input, String staffUser);

    /** The task's name in Tasklist: the case id and its state, never a person's name. Null keeps the BPMN name. */
    default String title(StaffTask task) {
        return null;
    }
}
