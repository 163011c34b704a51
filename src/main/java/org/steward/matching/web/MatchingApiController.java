package org.steward.matching.web;

import java.security.Principal;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steward.matching.MatchRequests;
import org.steward.matching.Matches;

/**
 * The matching API (issue 12): program staff start a request for an entrepreneur (MAT-1), read its ranked candidates
 * with their points per criterion (MAT-2), read a match (also auditors) and close it (MAT-6). Member ids only, never
 * contact details. Who may call what is also checked before the body is read (SecurityConfig).
 */
@RestController
class MatchingApiController {

    private final MatchRequests requests;
    private final Matches matches;

    MatchingApiController(MatchRequests requests, Matches matches) {
        this.requests = requests;
        this.matches = matches;
    }

    record NewRequest(Long entrepreneurId, @Size(max = 4000) String need, @Size(max = 200) String language) {
    }

    @PostMapping("/api/match-requests")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    ResponseEntity<MatchRequests.Created> request(@RequestBody NewRequest request, Principal staff) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(requests.request(request.entrepreneurId(), request.need(), request.language(), staff.getName()));
    }

    @GetMapping("/api/match-requests/{id}/candidates")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    List<MatchRequests.Candidate> candidates(@PathVariable long id) {
        return requests.candidates(id);
    }

    @GetMapping("/api/matches/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_auditors', 'GROUP_admins')")
    Matches.MatchView match(@PathVariable long id) {
        return matches.view(id);
    }

    @PostMapping("/api/matches/{id}/close")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    Matches.MatchView close(@PathVariable long id, Principal staff) {
        return matches.closeByStaff(id, staff.getName());
    }
}
