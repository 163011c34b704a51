package org.steward.breach.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.steward.breach.BreachProcess;
import org.steward.breach.ReportKind;

/** What the breach delegates and listeners read from the process: ids, flags and, once, the text_ fields of a form. */
final class TaskVariables {

    private TaskVariables() {
    }

    static long incidentId(VariableScope scope) {
        return ((Number) scope.getVariable(BreachProcess.INCIDENT_ID)).longValue();
    }

    static long longValue(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }

    static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && Boolean.parseBoolean(value.toString());
    }

    /** Reads a report form's text_ fields, then removes them from the process: they live in our tables only. */
    static Map<String, Object> takeReportFields(DelegateTask task, ReportKind kind) {
        Map<String, Object> fields = new HashMap<>();
        for (String part : kind.parts()) {
            String name = ReportKind.formField(part);
            fields.put(name, task.getVariable(name));
        }
        return fields;
    }

    static void removeReportFields(DelegateTask task, ReportKind kind) {
        for (String part : kind.parts()) {
            task.removeVariable(ReportKind.formField(part));
        }
    }
}
