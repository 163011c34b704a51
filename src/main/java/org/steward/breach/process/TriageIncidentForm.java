package org.steward.breach.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.breach.BreachProcess;
import org.steward.breach.IncidentDeadlines;
import org.steward.breach.IncidentDeadlines.Kind;
import org.steward.breach.IncidentRecords;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_TriageIncident (BRE-1): is this a Security Incident? If not, it is closed with a reason, kept in
 * the incident table; its open deadlines are withdrawn. Only {@code genuineIncident} reaches the engine.
 */
@Component
class TriageIncidentForm implements TaskForm {

    static final String GENUINE = BreachProcess.GENUINE_INCIDENT;
    static final String REASON = "closureReason";
    static final int MAX_REASON = 4000;

    private final IncidentTaskViews views;
    private final IncidentRecords incidents;
    private final IncidentDeadlines deadlines;

    TriageIncidentForm(IncidentTaskViews views, IncidentRecords incidents, IncidentDeadlines deadlines) {
        this.views = views;
        this.incidents = incidents;
        this.deadlines = deadlines;
    }

    private record Triage(boolean genuine, String reason) {
    }

    @Override
    public String taskKey() {
        return BreachProcess.TASK_TRIAGE;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(GENUINE);
    }

    @Override
    public IncidentTaskView view(StaffTask task) {
        return views.view(task);
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        return Map.of(GENUINE, read(input).genuine());
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        Triage triage = read(input);
        long incident = IncidentTaskViews.incidentId(task);
        incidents.recordTriage(incident, triage.genuine(), triage.reason(), staffUser);
        if (!triage.genuine()) {
            deadlines.withdrawOpen(incident, staffUser);
        }
    }

    /** "Triage incident #7 — notice due 22 Nov 14:00 UTC". */
    @Override
    public String title(StaffTask task) {
        return "Triage incident #" + IncidentTaskViews.incidentId(task) + " — notice due " + views.due(task, Kind.ISO_NOTICE, 0);
    }

    private static Triage read(JsonNode input) {
        FormInput form = FormInput.of(input, Set.of(GENUINE, REASON));
        if (input.get(GENUINE) == null || input.get(GENUINE).isNull()) {
            form.reject(GENUINE, "say whether this is a security incident");
        }
        boolean genuine = form.flag(GENUINE, true);
        String reason = form.text(REASON, MAX_REASON, null);
        if (!genuine && reason == null) {
            form.reject(REASON, "write why this is not a security incident: the reason is kept for the auditors");
        }
        form.done();
        return new Triage(genuine, genuine ? null : reason);
    }
}
