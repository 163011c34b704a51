package org.steward.privacy.deactivation;

import java.security.Principal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steward.members.MemberStatus;
import org.steward.members.MemberView;
import org.steward.members.Members;
import org.steward.members.Profile;
import org.steward.privacy.deactivation.DeactivationStatus;
import org.steward.privacy.deactivation.Deactivations;
import org.steward.security.StaffGroups;

/**
 * A member as staff may see them (AUD-1, DSR-6), and deactivation on a member's behalf. Program staff see an
 * active member without demographics and a deactivated one not at all beyond their status; privacy officers
 * see a deactivated member in full until the data is anonymised; an anonymised member is a status only.
 */
@RestController
class MemberApiController {

    private final Members members;
    private final Deactivations deactivations;

    MemberApiController(Members members, Deactivations deactivations) {
        this.members = members;
        this.deactivations = deactivations;
    }

    @GetMapping("/api/members/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_program-staff', 'GROUP_privacy-officers', 'GROUP_admins')")
    MemberProfile profile(@PathVariable long id, Authentication staff) {
        DeactivationStatus status = deactivations.statusOf(id);
        boolean privacyOfficer = isIn(staff, StaffGroups.PRIVACY_OFFICERS) || isIn(staff, StaffGroups.ADMINS);
        if (status.status() == MemberStatus.ANONYMISED || (status.status() == MemberStatus.DEACTIVATED && !privacyOfficer)) {
            return new MemberProfile(id, status.status(), null, null, null, null, null, null, status.retainUntil());
        }
        MemberView member = members.view(id);
        return new MemberProfile(id, member.status(), member.name(), member.email(), ProfileView.of(member.profile(), privacyOfficer),
                member.organisationId(), member.essentialCommunications(), member.joinedAt(), status.retainUntil());
    }

    /** DSR-6: 202 once the member is deactivated (a second request changes nothing); 404 unknown; 409 anonymised. */
    @PostMapping("/api/members/{id}/deactivation")
    @PreAuthorize("hasAnyAuthority('GROUP_privacy-officers', 'GROUP_admins')")
    ResponseEntity<DeactivationStatus> deactivate(@PathVariable long id, Principal staff) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(deactivations.deactivateForMember(id, staff.getName()));
    }

    private static boolean isIn(Authentication staff, String group) {
        return staff.getAuthorities().stream().anyMatch(a -> StaffGroups.authority(group).equals(a.getAuthority()));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberProfile(long id, MemberStatus status, String name, String email, ProfileView profile, Long organisationId,
                         Boolean essentialCommunications, Instant joinedAt, Instant retainUntil) {
    }

    /** The profile; demographics (APP-1: confidential) only for privacy officers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProfileView(String kind, String phone, String postalCode, String city, String industry, String expertise,
                       String businessName, Integer yearsOfExperience, String languages,
                       Integer birthYear, String gender, String ethnicity, String countryOfOrigin) {

        static ProfileView of(Profile p, boolean withDemographics) {
            if (p == null) {
                return null;
            }
            return new ProfileView(p.kind() == null ? null : p.kind().name(), p.phone(), p.postalCode(), p.city(), p.industry(),
                    p.expertise(), p.businessName(), p.yearsOfExperience(), p.languages(),
                    withDemographics ? p.birthYear() : null, withDemographics ? p.gender() : null,
                    withDemographics ? p.ethnicity() : null, withDemographics ? p.countryOfOrigin() : null);
        }
    }
}
