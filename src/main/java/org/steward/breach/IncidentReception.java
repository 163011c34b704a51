package org.steward.breach;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a reported incident comes in (BRE-1), from the API and from Tasklist's start form alike:
 * checked ({@link IncidentRequestRules}), stored with its process started ({@link IncidentService#report}),
 * and its legal clocks opened in our deadline table, all in one transaction or not at all.
 */
@Service
public class IncidentReception {

    private final IncidentRequestRules rules;
    private final IncidentService incidents;
    private final IncidentDeadlines deadlines;

    IncidentReception(IncidentRequestRules rules, IncidentService incidents, IncidentDeadlines deadlines) {
        this.rules = rules;
        this.incidents = incidents;
        this.deadlines = deadlines;
    }

    public record Reported(long id, Instant noticeDeadline, Instant supervisoryAuthorityDeadline) {
    }

    @Transactional
    public Reported report(IncidentRequest request, String reportedBy) {
        rules.check(request);
        long id = incidents.report(request, reportedBy).id();
        // The process waits after its start event (async), so its timers read these once we commit.
        deadlines.openAtDiscovery(id, request.discoveredAt(), reportedBy);
        return new Reported(id, deadlines.dueAt(id, IncidentDeadlines.Kind.ISO_NOTICE, 0),
                deadlines.dueAt(id, IncidentDeadlines.Kind.SUPERVISORY_AUTHORITY, 0));
    }
}
