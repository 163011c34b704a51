package org.steward.tasks;

import java.util.Date;
import java.util.List;

/**
 * A user task as a task form sees it: which task, which case (from the immutable business key),
 * who may work on it, and its times. Nothing here comes from a writable process variable.
 */
public record StaffTask(String id, String taskKey, String processKey, String processInstanceId, String businessKey,
                        String name, String assignee, List<String> candidateGroups, Date created, Date due) {

    /** The case id, for a business key of the given kind ({@code application-42} → 42). */
    public long caseId(String kind) {
        return CaseKey.idOf(businessKey, kind);
    }
}
