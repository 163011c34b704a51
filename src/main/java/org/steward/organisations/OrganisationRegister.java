package org.steward.organisations;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.system.Text;
import org.steward.system.NotFoundException;
import org.steward.system.ConflictException;

/** The register of member organisations. */
@Service
public class OrganisationRegister {

    private final MemberOrganisationRepository organisations;
    private final Clock clock;

    OrganisationRegister(MemberOrganisationRepository organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<MemberOrganisation> list() {
        return organisations.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    MemberOrganisation get(long id) {
        return organisations.findById(id).orElseThrow(() -> new NotFoundException("No member organisation " + id));
    }

    /** Every organisation, by name: for choosing one (the application form). */
    @Transactional(readOnly = true)
    public List<Organisation> organisations() {
        return list().stream().map(Organisation::of).toList();
    }

    @Transactional(readOnly = true)
    public Organisation organisation(long id) {
        return Organisation.of(get(id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return organisations.existsById(id);
    }

    @Transactional
    MemberOrganisation create(OrganisationForm form) {
        if (organisations.existsByNameIgnoreCase(form.name().trim())) {
            throw new ConflictException("A member organisation with this name already exists");
        }
        return organisations.save(new MemberOrganisation(form.name().trim(), Text.blankToNull(form.website()), clock.instant()));
    }

    @Transactional
    MemberOrganisation update(long id, OrganisationForm form) {
        MemberOrganisation organisation = get(id);
        if (organisations.existsByNameIgnoreCaseAndIdNot(form.name().trim(), id)) {
            throw new ConflictException("A member organisation with this name already exists");
        }
        organisation.update(form.name().trim(), Text.blankToNull(form.website()), clock.instant());
        return organisation;
    }

    /** Sets the organisation's Information Security Officer and alternate contact (BRE-2; admins only). */
    @Transactional
    MemberOrganisation updateSecurityContacts(long id, SecurityContactsForm form) {
        MemberOrganisation organisation = get(id);
        organisation.updateSecurityContacts(Text.blankToNull(form.isoName()), normaliseEmail(form.isoEmail()),
                Text.blankToNull(form.alternateName()), normaliseEmail(form.alternateEmail()), clock.instant());
        return organisation;
    }

    /** DSR-5: sets whether the organisation administers its members and names its administrator (admins only). */
    @Transactional
    MemberOrganisation updateAdministrator(long id, AdministratorForm form) {
        MemberOrganisation organisation = get(id);
        boolean administers = Boolean.TRUE.equals(form.administersMembers());
        organisation.updateAdministrator(administers, administers ? Text.blankToNull(form.name()) : null,
                administers ? normaliseEmail(form.email()) : null, clock.instant());
        return organisation;
    }

    /** DSR-5: the administrator to tell about a member's requests, when the organisation administers its members. */
    @Transactional(readOnly = true)
    public java.util.Optional<OrganisationAdministrator> memberAdministrator(long id) {
        return organisations.findById(id).filter(o -> o.isAdministersMembers() && o.getAdministratorEmail() != null)
                .map(o -> new OrganisationAdministrator(o.getId(), o.getName(), o.getAdministratorName(), o.getAdministratorEmail()));
    }

    private static String normaliseEmail(String value) {
        String email = Text.blankToNull(value);
        return email == null ? null : email.toLowerCase(java.util.Locale.ROOT);
    }
}
