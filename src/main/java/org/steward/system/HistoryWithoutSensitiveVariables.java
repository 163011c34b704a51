package org.steward.system;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level "full", except that variables named in {@link SensitiveVariables} never produce a
 * history event (no historic variable instance, no historic detail), and fields submitted through
 * submit-form are never written to history. Forms post free text to Steward's API (the tasks module),
 * never to the engine; this level is the second line of defence that erasure (DSR-7) relies on.
 * The engine's own multi-instance counters are left out too: bookkeeping that says nothing about a case
 * (the element variable, e.g. each referee's referenceId, is kept), yet four variables whose every update
 * wrote two history rows in each reference branch (issue 14).
 */
public class HistoryWithoutSensitiveVariables extends AbstractHistoryLevel {

    public static final int ID = 30;
    public static final String NAME = "full-without-sensitive-variables";

    /** What the engine sets on every multi-instance activity and its instances. */
    static final Set<String> MULTI_INSTANCE_COUNTERS = Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances",
            "loopCounter");

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        // Tasklist's submit-form writes one form-field event per submitted field: never keep them
        // (forms send no text, but a hand-made request could).
        if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
            return false;
        }
        if (entity instanceof VariableInstanceEntity variable) {
            return !SensitiveVariables.isSensitive(variable.getName()) && !MULTI_INSTANCE_COUNTERS.contains(variable.getName());
        }
        return true;
    }
}
