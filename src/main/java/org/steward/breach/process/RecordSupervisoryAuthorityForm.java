package org.steward.breach.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines.Kind;
import org.steward.breach.IncidentRecords;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_RecordSupervisoryAuthorityDecision (BRE-6, GDPR Art. 33): the authority was notified (with its
 * reference, if any), or why notification was not required. The note stays in the incident table,
 * who recorded it in incident_approval; only {@code supervisoryAuthorityNotified} reaches the engine.
 */
@Component
class RecordSupervisoryAuthorityForm implements TaskForm {

    static final String NOTIFIED = BreachProcess.SUPERVISORY_AUTHORITY_NOTIFIED;
    static final String NOTE = "note";
    static final int MAX_NOTE = 4000;

    private final IncidentTaskViews views;
    private final IncidentRecords incidents;
    private final IncidentApprovals approvals;

    RecordSupervisoryAuthorityForm(IncidentTaskViews views, IncidentRecords incidents, IncidentApprovals approvals) {
        this.views = views;
        this.incidents = incidents;
        this.approvals = approvals;
    }

    private record Decision(boolean notified, String note) {
    }

    @Override
    public String taskKey() {
        return BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(NOTIFIED);
    }

    @Override
    public IncidentTaskView view(StaffTask task) {
        return views.view(task);
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        return Map.of(NOTIFIED, read(input).notified());
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        Decision decision = read(input);
        long incident = IncidentTaskViews.incidentId(task);
        incidents.recordSupervisoryAuthority(incident, decision.notified(), decision.note(), staffUser);
        approvals.approve(incident, IncidentApprovals.Kind.SUPERVISORY_AUTHORITY, 0, null, staffUser);
    }

    /** "Record supervisory authority decision for incident #7 — 72 hours end 25 Nov 08:00 UTC". */
    @Override
    public String title(StaffTask task) {
        return "Record supervisory authority decision for incident #" + IncidentTaskViews.incidentId(task)
                + " — 72 hours end " + views.due(task, Kind.SUPERVISORY_AUTHORITY, 0);
    }

    private static Decision read(JsonNode input) {
        FormInput form = FormInput.of(input, Set.of(NOTIFIED, NOTE));
        if (input.get(NOTIFIED) == null || input.get(NOTIFIED).isNull()) {
            form.reject(NOTIFIED, "say whether the supervisory authority was notified");
        }
        boolean notified = form.flag(NOTIFIED, false);
        String note = form.text(NOTE, MAX_NOTE, null);
        if (!notified && note == null) {
            form.reject(NOTE, "say why notifying the supervisory authority is not required (GDPR Art. 33(1))");
        }
        form.done();
        return new Decision(notified, note);
    }
}
