package org.steward.consent.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steward.consent.ConsentChoices;
import org.steward.consent.LedgerEntry;
import org.steward.consent.NewsletterRequest;
import org.steward.consent.Newsletters;
import org.steward.consent.PolicyChanges;
import org.steward.consent.PolicyRequest;
import org.steward.consent.PromotionReleases;
import org.steward.consent.ReleaseRequest;
import org.steward.system.validation.SingleLine;

/**
 * The consent API (issue 11): read a member's consents and ledger; staff record a choice for a member;
 * send a newsletter (CON-5); publish a policy version (CON-6); ask to release a member's story (CON-4).
 * Who may call what is also checked before the body is read (SecurityConfig).
 */
@RestController
class ConsentApiController {

    private final ConsentChoices choices;
    private final Newsletters newsletters;
    private final PolicyChanges policies;
    private final PromotionReleases releases;

    ConsentApiController(ConsentChoices choices, Newsletters newsletters, PolicyChanges policies, PromotionReleases releases) {
        this.choices = choices;
        this.newsletters = newsletters;
        this.policies = policies;
        this.releases = releases;
    }

    /** {"current": {"MARKETING": {"granted": true, "expiresAt": ...}, ...}, "ledger": [...]} */
    @GetMapping("/api/members/{id}/consents")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_privacy-officers', 'GROUP_auditors', 'GROUP_admins')")
    ConsentChoices.ConsentOverview consents(@PathVariable long id) {
        return choices.overview(id);
    }

    record StaffChoice(@NotBlank @SingleLine @Size(max = 40) String purpose, @NotNull Boolean granted) {
    }

    /** Staff record a member's choice for them (channel STAFF, evidence the staff user). */
    @PostMapping("/api/members/{id}/consents")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_privacy-officers', 'GROUP_admins')")
    Map<String, List<LedgerEntry>> record(@PathVariable long id, @Valid @RequestBody StaffChoice choice, Principal staff) {
        return Map.of("recorded", choices.recordByStaff(id, choice.purpose().trim(), choice.granted(), staff.getName()));
    }

    /** CON-5: 202 with the newsletter's id and the number of members it goes to. */
    @PostMapping("/api/newsletters")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    ResponseEntity<Newsletters.Submitted> newsletter(@Valid @RequestBody NewsletterRequest request, Principal staff) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(newsletters.submit(request, staff.getName()));
    }

    /** CON-6: 202 once the version is stored and its notices are on their way; 400 when it is too soon. */
    @PostMapping("/api/policies")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    ResponseEntity<PolicyChanges.Published> policy(@Valid @RequestBody PolicyRequest request, Principal officer) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(policies.publish(request, officer.getName()));
    }

    /** CON-4: "Release member story" for a member who consents to PROMOTION; 202 while the member is asked. */
    @PostMapping("/api/releases")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_admins')")
    ResponseEntity<PromotionReleases.Requested> release(@Valid @RequestBody ReleaseRequest request, Principal staff) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(releases.request(request, staff.getName()));
    }
}
