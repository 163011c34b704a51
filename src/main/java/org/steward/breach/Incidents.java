package org.steward.breach;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.organisations.OrganisationRegister;
import org.steward.system.NotFoundException;

/** Finding an incident, and what staff and mails show of it. */
@Service
public class Incidents {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentRepository incidents;
    private final OrganisationRegister organisations;

    Incidents(IncidentRepository incidents, OrganisationRegister organisations) {
        this.incidents = incidents;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    Incident get(long incidentId) {
        return incidents.findById(incidentId).orElseThrow(() -> new NotFoundException("No incident " + incidentId));
    }

    /** 404 for an unknown incident. */
    @Transactional(readOnly = true)
    public void requireExists(long incidentId) {
        get(incidentId);
    }

    /** What every incident mail shows. */
    Map<String, Object> mailModel(Incident incident) {
        Map<String, Object> model = new HashMap<>();
        model.put("incidentId", incident.getId());
        model.put("discoveredAt", TIME.format(incident.getDiscoveredAt()));
        model.put("dataCategories", incident.getDataCategories());
        model.put("summary", incident.getSummary());
        model.put("noticeDeadline", TIME.format(incident.getDiscoveredAt().plus(IncidentDeadlines.ISO_NOTICE_WITHIN)));
        return model;
    }

    /** What the Tasklist forms show of an incident, read by the business key's id so it never enters process variables. */
    public record IncidentView(long id, String status, Instant discoveredAt, Instant noticeDeadline, String summary,
                               String dataCategories, List<String> organisations, int listedMembers,
                               List<String> allMembersOf, String closureReason) {
    }

    @Transactional(readOnly = true)
    public IncidentView view(long incidentId) {
        Incident incident = get(incidentId);
        return new IncidentView(incident.getId(), incident.getStatus().name(), incident.getDiscoveredAt(),
                incident.getDiscoveredAt().plus(IncidentDeadlines.ISO_NOTICE_WITHIN), incident.getSummary(), incident.getDataCategories(),
                incident.getOrganisationIds().stream().map(id -> organisations.organisation(id).name()).toList(),
                incident.getListedMemberIds().size(),
                incident.getAllMembersOfOrganisationIds().stream().map(id -> organisations.organisation(id).name()).toList(),
                incident.getClosureReason());
    }
}
