package org.steward.breach.process;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentRecords;
import org.steward.breach.ReportKind;
import org.steward.tasks.StaffTask;

/**
 * Task_ApproveMemberNotice (BRE-5): what affected members are told, approved by the officer who writes
 * it; text and approver are kept in incident_report and incident_approval (BRE-6).
 */
@Component
class ApproveMemberNoticeForm extends ReportTaskForm {

    ApproveMemberNoticeForm(IncidentTaskViews views, IncidentRecords incidents, IncidentApprovals approvals) {
        super(views, incidents, approvals, ReportKind.MEMBER_NOTICE, IncidentApprovals.Kind.MEMBER_NOTICE);
    }

    @Override
    public String taskKey() {
        return BreachProcess.TASK_APPROVE_MEMBER_NOTICE;
    }

    @Override
    public Set<String> outputs() {
        return Set.of();
    }

    @Override
    protected String blankMessage(String part) {
        return "write what the affected members are told: it is emailed to each of them";
    }

    /** "Approve member notice for incident #7 — 3 listed members, all members of 1 organisation". */
    @Override
    public String title(StaffTask task) {
        var incident = views.view(task).incident();
        StringBuilder title = new StringBuilder("Approve member notice for incident #").append(incident.id()).append(" — ");
        if (incident.listedMembers() > 0) {
            title.append(incident.listedMembers()).append(incident.listedMembers() == 1 ? " listed member" : " listed members");
        }
        int all = incident.allMembersOf().size();
        if (all > 0) {
            title.append(incident.listedMembers() > 0 ? ", " : "").append("all members of ").append(all)
                    .append(all == 1 ? " organisation" : " organisations");
        }
        if (incident.listedMembers() == 0 && all == 0) {
            title.append("no members named");
        }
        if (task.due() != null) {
            title.append(", due ").append(IncidentTaskViews.format(task.due().toInstant()));
        }
        return title.toString();
    }
}
