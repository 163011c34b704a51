package org.steward.breach;

import java.util.List;

/**
 * The texts an incident collects, each with the parts the rules require; none may be blank. A task
 * form posts each part under its own name to Steward, never to the engine (issue 15).
 */
public enum ReportKind {

    /** BRE-3: the written report to the organisations' contacts. */
    WRITTEN_REPORT(List.of("nature", "informationType", "obtainedBy", "investigationSteps", "mitigationSteps", "contactPoint")),
    /** BRE-4: the daily status report. */
    STATUS_REPORT(List.of("perpetrators", "informationAbused", "furtherInvestigation", "furtherMitigation", "correctiveAction")),
    /** BRE-5: what affected members are told. */
    MEMBER_NOTICE(List.of("memberMessage"));

    private final List<String> parts;

    ReportKind(List<String> parts) {
        this.parts = parts;
    }

    public List<String> parts() {
        return parts;
    }
}
