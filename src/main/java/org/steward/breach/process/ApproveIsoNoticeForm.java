package org.steward.breach.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines.Kind;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_ApproveIsoNotice (BRE-2): completing the task approves the notice to every affected organisation's
 * contacts. Who approved it is kept in incident_approval (BRE-6), never in a process variable.
 */
@Component
class ApproveIsoNoticeForm implements TaskForm {

    private final IncidentTaskViews views;
    private final IncidentApprovals approvals;

    ApproveIsoNoticeForm(IncidentTaskViews views, IncidentApprovals approvals) {
        this.views = views;
        this.approvals = approvals;
    }

    @Override
    public String taskKey() {
        return BreachProcess.TASK_APPROVE_ISO_NOTICE;
    }

    @Override
    public Set<String> outputs() {
        return Set.of();
    }

    @Override
    public IncidentTaskView view(StaffTask task) {
        return views.view(task);
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        FormInput.of(input, Set.of()).done();
        return Map.of();
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        approvals.approve(IncidentTaskViews.incidentId(task), IncidentApprovals.Kind.ISO_NOTICE, 0, null, staffUser);
    }

    /** "Approve ISO notice for incident #7 — due 22 Nov 14:00 UTC, 2 organisations". */
    @Override
    public String title(StaffTask task) {
        int organisations = views.view(task).incident().organisations().size();
        return "Approve ISO notice for incident #" + IncidentTaskViews.incidentId(task) + " — due "
                + views.due(task, Kind.ISO_NOTICE, 0) + ", " + organisations + (organisations == 1 ? " organisation" : " organisations");
    }
}
