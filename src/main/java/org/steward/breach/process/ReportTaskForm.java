package org.steward.breach.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentRecords;
import org.steward.breach.ReportKind;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * A task whose form is a report (BRE-3 written report, BRE-4 status report, BRE-5 member notice):
 * every part is required, may say "not yet known", may not be blank. The parts go to incident_report
 * as a new revision with its approval; none of them reaches the engine.
 */
abstract class ReportTaskForm implements TaskForm {

    static final int MAX_PART = 20000;

    protected final IncidentTaskViews views;
    private final IncidentRecords incidents;
    private final IncidentApprovals approvals;
    private final ReportKind kind;
    private final IncidentApprovals.Kind approval;

    ReportTaskForm(IncidentTaskViews views, IncidentRecords incidents, IncidentApprovals approvals, ReportKind kind,
                   IncidentApprovals.Kind approval) {
        this.views = views;
        this.incidents = incidents;
        this.approvals = approvals;
        this.kind = kind;
        this.approval = approval;
    }

    /** The report's cycle: the status report's day, 0 for the others. */
    protected int cycle(StaffTask task) {
        return 0;
    }

    /** The decision flags the form takes besides the parts (read with {@code form}); added to the outputs. */
    protected Map<String, Object> flags(FormInput form) {
        return Map.of();
    }

    /** What a part that is missing or blank is told. */
    protected String blankMessage(String part) {
        return "write this part; where nothing can be determined yet, write \"not yet known\" (it may not be blank)";
    }

    /** Runs after the report is stored, inside the completion. */
    protected void afterStored(StaffTask task, Map<String, Object> flags) {
    }

    @Override
    public IncidentTaskView view(StaffTask task) {
        return views.view(task);
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        return read(input).flags();
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        Report report = read(input);
        long incident = IncidentTaskViews.incidentId(task);
        int cycle = cycle(task);
        long reportId = incidents.recordReport(incident, kind, cycle, report.parts(), staffUser);
        approvals.approve(incident, approval, cycle, reportId, staffUser);
        afterStored(task, report.flags());
    }

    private record Report(Map<String, String> parts, Map<String, Object> flags) {
    }

    private Report read(JsonNode input) {
        Set<String> declared = Stream.concat(kind.parts().stream(), outputs().stream()).collect(Collectors.toSet());
        FormInput form = FormInput.of(input, declared);
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : kind.parts()) {
            parts.put(part, form.text(part, MAX_PART, blankMessage(part)));
        }
        Map<String, Object> flags = flags(form);
        form.done();
        return new Report(parts, flags);
    }
}
