package org.steward.breach.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steward.breach.IncidentIntake;
import org.steward.breach.IncidentRequest;
import org.steward.breach.Incidents;

@RestController
class IncidentApiController {

    private final IncidentIntake intake;
    private final Incidents incidents;

    IncidentApiController(IncidentIntake intake, Incidents incidents) {
        this.intake = intake;
        this.incidents = incidents;
    }

    record Reported(long id, Instant noticeDeadline) {
    }

    /** A security officer reports an incident (BRE-1). 201 with the id and the ISO notice deadline (BRE-2); 400 with problem details. */
    @PostMapping("/api/incidents")
    @PreAuthorize("hasAnyAuthority('GROUP_security-officers', 'GROUP_admins')")
    ResponseEntity<Reported> report(@Valid @RequestBody IncidentRequest request, Principal principal) {
        IncidentIntake.Reported reported = intake.report(request, principal.getName());
        return ResponseEntity.created(URI.create("/api/staff/incidents/" + reported.id()))
                .body(new Reported(reported.id(), reported.noticeDeadline()));
    }

    /** What the breach task forms in Tasklist show, fetched by id so it never enters process variables. */
    @GetMapping("/api/staff/incidents/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_security-officers', 'GROUP_admins')")
    Incidents.IncidentView view(@PathVariable long id) {
        return incidents.view(id);
    }
}
