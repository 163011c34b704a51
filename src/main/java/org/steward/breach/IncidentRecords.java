package org.steward.breach;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What security officers record on the incident's tasks: the triage outcome (BRE-1), report texts
 * as versioned revisions (BRE-3, BRE-4, BRE-5), the end of the investigation, and the supervisory
 * authority decision (BRE-6). Free text lands here, posted by the task forms to Steward's API
 * (issue 15), never in the process.
 */
@Service
public class IncidentRecords {

    private final Incidents incidents;
    private final IncidentReportRepository reports;
    private final Clock clock;

    IncidentRecords(Incidents incidents, IncidentReportRepository reports, Clock clock) {
        this.incidents = incidents;
        this.reports = reports;
        this.clock = clock;
    }

    /** Task_TriageIncident: a genuine incident goes on; anything else is closed with a reason, which is kept. */
    @Transactional
    public void recordTriage(long incidentId, boolean genuine, String reason, String staffUser) {
        Incident incident = incidents.get(incidentId);
        if (!genuine) {
            String trimmed = reason == null ? "" : reason.trim();
            if (trimmed.isEmpty()) {
                throw new BadUserRequestException("A reason is required to close an incident at triage.");
            }
            incident.closeAtTriage(trimmed, staffUser, clock.instant());
        }
    }

    /**
     * Stores a report text as a new revision (BRE-3, BRE-4, BRE-5) and returns its id. Every part is
     * required: it may say "not yet known", never be blank.
     */
    @Transactional
    public long recordReport(long incidentId, ReportKind kind, int cycle, Map<String, ?> formFields, String staffUser) {
        Incident incident = incidents.get(incidentId);
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> blank = new ArrayList<>();
        for (String part : kind.parts()) {
            Object value = formFields.get(part);
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty()) {
                blank.add(part);
            }
            parts.put(part, text);
        }
        if (!blank.isEmpty()) {
            throw new BadUserRequestException("Every part of the report is required; write \"not yet known\" where "
                    + "nothing can be determined yet. Blank: " + String.join(", ", blank));
        }
        int revision = reports.findFirstByIncidentIdAndKindAndCycleOrderByRevisionDesc(incident.getId(), kind, cycle)
                .map(r -> r.getRevision() + 1).orElse(1);
        return reports.save(new IncidentReport(incident.getId(), kind, cycle, revision, parts, staffUser, clock.instant())).getId();
    }

    /** An officer marked the investigation complete on the last status report (BRE-4). */
    @Transactional
    public void completeInvestigation(long incidentId) {
        incidents.get(incidentId).completeInvestigation(clock.instant());
    }

    /** GDPR Art. 33: the supervisory authority was notified, or why that was not required (BRE-6). */
    @Transactional
    public void recordSupervisoryAuthority(long incidentId, boolean notified, String note, String staffUser) {
        String trimmed = note == null ? "" : note.trim();
        if (!notified && trimmed.isEmpty()) {
            throw new BadUserRequestException("Say why the supervisory authority need not be notified.");
        }
        incidents.get(incidentId).recordSupervisoryAuthority(notified, trimmed.isEmpty() ? null : trimmed, clock.instant());
    }
}
