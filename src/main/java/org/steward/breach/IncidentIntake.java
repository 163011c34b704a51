package org.steward.breach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
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

/** A security officer reports an incident (BRE-1): checked, stored, its process started. */
@Service
public class IncidentIntake {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(IncidentIntake.class);

    private final IncidentRepository incidents;
    private final OrganisationRegister organisations;
    private final Members members;
    private final RuntimeService runtimeService;
    private final Clock clock;

    IncidentIntake(IncidentRepository incidents, OrganisationRegister organisations, Members members,
                   RuntimeService runtimeService, Clock clock) {
        this.incidents = incidents;
        this.organisations = organisations;
        this.members = members;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    public record Reported(long id, Instant noticeDeadline) {
    }

    /** Stores the incident and starts its process (BRE-1), or stores and starts nothing and says what is wrong. */
    @Transactional
    public Reported report(IncidentRequest request, String reportedBy) {
        checkBusinessRules(request);
        Instant now = clock.instant();
        Incident incident = incidents.saveAndFlush(new Incident(request.discoveredAt(), request.summary().trim(),
                String.join(", ", request.dataCategories().stream().map(String::trim).toList()),
                new LinkedHashSet<>(request.organisationIds()), new LinkedHashSet<>(request.memberIdsOrEmpty()),
                new LinkedHashSet<>(request.allMembersOfOrganisationIdsOrEmpty()), reportedBy, now));
        runtimeService.startProcessInstanceByKey(BreachProcess.KEY, String.valueOf(incident.getId()), Map.of(
                BreachProcess.INCIDENT_ID, incident.getId(),
                BreachProcess.DISCOVERED_AT, Date.from(request.discoveredAt())));
        Instant deadline = request.discoveredAt().plus(Incidents.ISO_NOTICE_DEADLINE);
        log.info("Incident {} reported; ISO notice due by {}", incident.getId(), deadline);
        return new Reported(incident.getId(), deadline);
    }

    private void checkBusinessRules(IncidentRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.discoveredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.put("discoveredAt", "the discovery time cannot lie in the future");
        }
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
            errors.put("memberIds", "some of these ids are not members");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
