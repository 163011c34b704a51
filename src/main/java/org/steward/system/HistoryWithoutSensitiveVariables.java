package org.steward.system;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level "full", except that variables named in {@link SensitiveVariables} never produce a
 * history event (no historic variable instance, no historic detail). Free text staff type into a
 * task form therefore never reaches ACT_HI_*, which erasure (DSR-7) relies on.
 */
public class HistoryWithoutSensitiveVariables extends AbstractHistoryLevel {

    public static final int ID = 30;
    public static final String NAME = "full-without-sensitive-variables";

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
        if (entity instanceof VariableInstanceEntity variable) {
            return !SensitiveVariables.isSensitive(variable.getName());
        }
        return true;
    }
}
