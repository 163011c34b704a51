package org.steward.breach.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steward.breach.BreachSettings;
import org.steward.breach.IncidentApprovals;
import org.steward.breach.IncidentDeadlines;
import org.steward.breach.IncidentIntake;
import org.steward.breach.IncidentRequest;
import org.steward.breach.Incidents;
import org.steward.organisations.OrganisationRegister;

@RestController
class IncidentApiController {

    private final IncidentIntake intake;
    private final Incidents incidents;
    private final IncidentDeadlines deadlines;
    private final IncidentApprovals approvals;
    private final OrganisationRegister organisations;
    private final BreachSettings settings;

    IncidentApiController(IncidentIntake intake, Incidents incidents, IncidentDeadlines deadlines,
                          IncidentApprovals approvals, OrganisationRegister organisations, BreachSettings settings) {
        this.intake = intake;
        this.incidents = incidents;
        this.deadlines = deadlines;
        this.approvals = approvals;
        this.organisations = organisations;
        this.settings = settings;
    }

    record Reported(long id, Instant noticeDeadline, Instant supervisoryAuthorityDeadline) {
    }

    /**
     * A security officer reports an incident (BRE-1), through the API or Tasklist's start form "Report a
     * security incident". 201 with the id and the deadlines (BRE-2, GDPR Art. 33); 400 with problem
     * details naming each bad field, nothing stored or sent (issue 7 finding 7).
     */
    @PostMapping("/api/incidents")
    @PreAuthorize("hasAnyAuthority('GROUP_security-officers', 'GROUP_admins')")
    ResponseEntity<Reported> report(@Valid @RequestBody IncidentRequest request, Principal principal) {
        IncidentIntake.Reported reported = intake.report(request, principal.getName());
        return ResponseEntity.created(URI.create("/api/staff/incidents/" + reported.id()))
                .body(new Reported(reported.id(), reported.noticeDeadline(), reported.supervisoryAuthorityDeadline()));
    }

    record OrganisationChoice(long id, String name, boolean hasSecurityContact) {
    }

    /** What Tasklist's start form "Report a security incident" offers, and the CSRF token it posts back with. */
    @GetMapping("/api/staff/incidents/start-form")
    @PreAuthorize("hasAnyAuthority('GROUP_security-officers', 'GROUP_admins')")
    Map<String, Object> startForm(@Nullable CsrfToken csrf) {
        List<OrganisationChoice> choices = organisations.organisations().stream()
                .map(o -> new OrganisationChoice(o.id(), o.name(), o.hasSecurityContact())).toList();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("organisations", choices);
        form.put("maxDiscoveryAgeDays", settings.maxDiscoveryAge().toDays());
        if (csrf != null) { // HTTP Basic clients have no session and need no token
            form.put("csrf", Map.of("headerName", csrf.getHeaderName(), "token", csrf.getToken()));
        }
        return form;
    }

    /** The incident for API clients; the task forms read it, with its deadlines, from /api/staff/tasks/{taskId}/view. */
    @GetMapping("/api/staff/incidents/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_security-officers', 'GROUP_admins')")
    Incidents.IncidentView view(@PathVariable long id) {
        return incidents.view(id);
    }

    record DeadlineRecord(List<IncidentDeadlines.Deadline> deadlines, List<IncidentApprovals.Approval> approvals) {
    }

    /** BRE-6: every deadline of the incident, whether it was met, and who approved each step. */
    @GetMapping("/api/staff/incidents/{id}/deadlines")
    @PreAuthorize("hasAnyAuthority('GROUP_security-officers', 'GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    DeadlineRecord deadlines(@PathVariable long id) {
        incidents.requireExists(id);
        return new DeadlineRecord(deadlines.of(id), approvals.of(id));
    }
}
