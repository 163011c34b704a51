package org.steward.breach;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.members.Members;
import org.steward.organisations.OrganisationRegister;
import org.steward.system.InvalidInputException;

/**
 * A security officer reports an incident (BRE-1), through the API or Tasklist's start form alike:
 * checked ({@link IncidentRequestRules} and the register), stored, its legal clocks opened in
 * {@link IncidentDeadlines} and its process started by business key ({@code incident-7}), all in one
 * transaction or not at all. No deadline or text is handed to the engine (issue 7 finding 2, issue 15).
 */
@Service
public class IncidentIntake {

    private static final Logger log = LoggerFactory.getLogger(IncidentIntake.class);

    private final IncidentRepository incidents;
    private final IncidentRequestRules rules;
    private final IncidentDeadlines deadlines;
    private final OrganisationRegister organisations;
    private final Members members;
    private final RuntimeService runtimeService;
    private final Clock clock;

    IncidentIntake(IncidentRepository incidents, IncidentRequestRules rules, IncidentDeadlines deadlines,
                   OrganisationRegister organisations, Members members, RuntimeService runtimeService, Clock clock) {
        this.incidents = incidents;
        this.rules = rules;
        this.deadlines = deadlines;
        this.organisations = organisations;
        this.members = members;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    public record Reported(long id, Instant noticeDeadline, Instant supervisoryAuthorityDeadline) {
    }

    /** Stores the incident and starts its process (BRE-1), or stores and starts nothing and says what is wrong. */
    @Transactional
    public Reported report(IncidentRequest request, String reportedBy) {
        checkBusinessRules(request);
        Incident incident = incidents.saveAndFlush(new Incident(request.discoveredAt(), request.summary().trim(),
                String.join(", ", request.dataCategories().stream().map(String::trim).toList()),
                new LinkedHashSet<>(request.organisationIds()), new LinkedHashSet<>(request.memberIdsOrEmpty()),
                new LinkedHashSet<>(request.allMembersOfOrganisationIdsOrEmpty()), reportedBy, clock.instant()));
        long id = incident.getId();
        // The process waits after its start event (async), so its timers read these once we commit.
        deadlines.openAtDiscovery(id, request.discoveredAt(), reportedBy);
        runtimeService.startProcessInstanceByKey(BreachProcess.KEY, BreachProcess.businessKey(id));
        Instant notice = deadlines.dueAt(id, IncidentDeadlines.Kind.ISO_NOTICE, 0);
        log.info("Incident {} reported; ISO notice due by {}", id, notice);
        return new Reported(id, notice, deadlines.dueAt(id, IncidentDeadlines.Kind.SUPERVISORY_AUTHORITY, 0));
    }

    private void checkBusinessRules(IncidentRequest request) {
        Map<String, String> errors = rules.problems(request);
        for (Long organisationId : request.organisationIds()) {
            if (!organisations.exists(organisationId)) {
                errors.putIfAbsent("organisationIds", "no member organisation with id " + organisationId);
            } else if (!organisations.organisation(organisationId).hasSecurityContact()) {
                errors.putIfAbsent("organisationIds", "member organisation " + organisationId
                        + " has no Information Security Officer or alternate contact on record");
            }
        }
        for (Long organisationId : request.allMembersOfOrganisationIdsOrEmpty()) {
            if (!organisations.exists(organisationId)) {
                errors.putIfAbsent("allMembersOfOrganisationIds", "no member organisation with id " + organisationId);
            }
        }
        if (!members.allExist(request.memberIdsOrEmpty())) {
            errors.putIfAbsent("memberIds", "some of these ids are not members");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
