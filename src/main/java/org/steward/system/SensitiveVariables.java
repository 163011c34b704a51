package org.steward.system;

import java.util.Set;

/**
 * Process variables that must never reach history. Nothing typed is a variable in the first place:
 * every form posts its text to Steward's API (the tasks module), and a completion may set only the
 * task's declared decision flags (EngineTaskGuard), so there is no naming convention for free-text
 * variables (issue 15). These names once carried text; {@link HistoryWithoutSensitiveVariables} keeps
 * them out of history whatever client sets them, the second line of defence erasure relies on.
 */
public final class SensitiveVariables {

    public static final String DECISION_REASON = "decisionReason";

    public static final Set<String> NAMES = Set.of(DECISION_REASON);

    private SensitiveVariables() {
    }

    public static boolean isSensitive(String variableName) {
        return variableName != null && NAMES.contains(variableName);
    }
}
