package org.steward.system;

import java.util.Set;

/**
 * Process variables that may carry free text typed by staff (a decision reason, a question to an
 * applicant). A task listener moves their value into our own tables and removes the variable;
 * {@link HistoryWithoutSensitiveVariables} makes sure the engine never writes them to history,
 * whatever client sets them. Keep names here, not in each process, so erasure has one list to trust.
 */
public final class SensitiveVariables {

    public static final String DECISION_REASON = "decisionReason";

    /** Any variable named text_… (a form's free-text field) is treated the same way. */
    public static final String FREE_TEXT_PREFIX = "text_";

    public static final Set<String> NAMES = Set.of(DECISION_REASON);

    private SensitiveVariables() {
    }

    public static boolean isSensitive(String variableName) {
        return variableName != null && (NAMES.contains(variableName) || variableName.startsWith(FREE_TEXT_PREFIX));
    }
}
