package org.steward.organisations;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The organisation register for API clients. Any staff member reads it; admins and program staff edit it. */
@RestController
@RequestMapping("/api/organisations")
class OrganisationApiController {

    private final OrganisationRegister register;

    OrganisationApiController(OrganisationRegister register) {
        this.register = register;
    }

    record OrganisationView(long id, String name, String website, String isoName, String isoEmail,
                            String alternateName, String alternateEmail, boolean administersMembers,
                            String administratorName, String administratorEmail) {
        static OrganisationView of(MemberOrganisation o) {
            return new OrganisationView(o.getId(), o.getName(), o.getWebsite(), o.getIsoName(), o.getIsoEmail(),
                    o.getAlternateName(), o.getAlternateEmail(), o.isAdministersMembers(), o.getAdministratorName(),
                    o.getAdministratorEmail());
        }
    }

    @GetMapping
    List<OrganisationView> list() {
        return register.list().stream().map(OrganisationView::of).toList();
    }

    @GetMapping("/{id}")
    OrganisationView get(@PathVariable long id) {
        return OrganisationView.of(register.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('GROUP_admins', 'GROUP_program-staff')")
    OrganisationView create(@Valid @RequestBody OrganisationForm form) {
        return OrganisationView.of(register.create(form));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('GROUP_admins', 'GROUP_program-staff')")
    OrganisationView update(@PathVariable long id, @Valid @RequestBody OrganisationForm form) {
        return OrganisationView.of(register.update(id, form));
    }

    /** The breach-notice contacts (BRE-2): administrators keep them. */
    @PutMapping("/{id}/security-contacts")
    @PreAuthorize("hasAuthority('GROUP_admins')")
    OrganisationView updateSecurityContacts(@PathVariable long id, @Valid @RequestBody SecurityContactsForm form) {
        return OrganisationView.of(register.updateSecurityContacts(id, form));
    }

    /** DSR-5: whether the organisation administers its members and who its administrator is; administrators keep it. */
    @PutMapping("/{id}/administrator")
    @PreAuthorize("hasAuthority('GROUP_admins')")
    OrganisationView updateAdministrator(@PathVariable long id, @Valid @RequestBody AdministratorForm form) {
        return OrganisationView.of(register.updateAdministrator(id, form));
    }
}
