package org.steward.application;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.members.Members;
import org.steward.members.Profile;
import org.steward.members.Profiles;
import org.steward.organisations.OrganisationRegister;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.ConflictException;
import org.steward.system.InvalidInputException;
import org.steward.system.StewardProperties;
import org.steward.system.Text;

/**
 * A membership application comes in (APP-1, -2, -3, -7): checked, stored with its referees, process
 * started. The process asks the applicant to confirm their address before anyone else hears of it.
 */
@Service
public class ApplicationIntake {

    private final ApplicationRepository applications;
    private final ReferenceRepository references;
    private final DataSubjects subjects;
    private final Profiles profiles;
    private final Members members;
    private final OrganisationRegister organisations;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;
    private final StewardProperties.Application settings;
    private final Clock clock;

    ApplicationIntake(ApplicationRepository applications, ReferenceRepository references, DataSubjects subjects,
                      Profiles profiles, Members members, OrganisationRegister organisations,
                      RuntimeService runtimeService, AuditTrail audit, StewardProperties properties, Clock clock) {
        this.applications = applications;
        this.references = references;
        this.subjects = subjects;
        this.profiles = profiles;
        this.members = members;
        this.organisations = organisations;
        this.runtimeService = runtimeService;
        this.audit = audit;
        this.settings = properties.application();
        this.clock = clock;
    }

    /**
     * Stores the application with its referees and starts the approval process, or stores nothing
     * and says what is wrong.
     */
    @Transactional
    public long submit(ApplicationRequest request) {
        String email = DataSubjects.normaliseEmail(request.email());
        checkBusinessRules(request);
        Optional<Subject> known = subjects.findByEmail(email);
        if (known.isPresent() && (members.memberIdOf(known.get().id()).isPresent()
                || applications.existsByPendingSubjectId(known.get().id()))) {
            throw duplicate();
        }
        Instant now = clock.instant();
        long applicant = subjects.findOrCreate(email, request.name().trim());
        subjects.rename(applicant, request.name().trim()); // their own word for their name
        Application application;
        try {
            application = applications.saveAndFlush(new Application(applicant, request.organisationId(), now));
        } catch (DataIntegrityViolationException e) {
            throw duplicate(); // a concurrent application for the same address won the race
        }
        profiles.record(applicant, toProfile(request));
        for (ApplicationRequest.RefereeRequest referee : request.referees()) {
            long refereeSubject = subjects.findOrCreate(referee.email(), referee.name().trim());
            references.save(new Reference(application.getId(), refereeSubject, referee.relationship().trim(), now));
        }
        // Issue 7 finding 6: the process first asks the applicant to confirm their address; referees wait.
        runtimeService.startProcessInstanceByKey(ApplicationProcess.KEY, ApplicationProcess.businessKey(application.getId()));
        audit.record("applicant", "APPLICATION_SUBMITTED", ApplicationProcess.businessKey(application.getId()),
                "referees=" + request.referees().size());
        return application.getId();
    }

    private void checkBusinessRules(ApplicationRequest request) {
        Map<String, String> errors = ruleViolations(request);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The business rules beyond the request's annotations (APP-2, APP-3, member organisation), field by
     * field; referee problems name the referee ({@code referees[1].email}). Checks only what is present,
     * so the page can show these together with the annotations' messages, every error at once.
     */
    @Transactional(readOnly = true)
    public Map<String, String> ruleViolations(ApplicationRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String email = request.email() == null ? null : DataSubjects.normaliseEmail(request.email());
        List<ApplicationRequest.RefereeRequest> named = request.referees() == null ? List.of() : request.referees();
        if (named.size() < settings.minReferees() || named.size() > settings.maxReferees()) {
            errors.put("referees", "name between %d and %d referees".formatted(settings.minReferees(), settings.maxReferees()));
        } else {
            Set<String> refereeEmails = new HashSet<>();
            for (int i = 0; i < named.size(); i++) {
                ApplicationRequest.RefereeRequest referee = named.get(i);
                if (referee == null || referee.email() == null) {
                    continue;
                }
                String refereeEmail = DataSubjects.normaliseEmail(referee.email());
                if (refereeEmail.equals(email)) {
                    errors.putIfAbsent("referees[" + i + "].email", "you cannot be your own referee");
                } else if (!refereeEmails.add(refereeEmail)) {
                    errors.putIfAbsent("referees[" + i + "].email", "each referee needs their own email address");
                }
            }
        }
        // APP-2: an under-age applicant is refused before anything is stored or anyone contacted.
        if (request.birthYear() != null && Year.now(clock).getValue() - request.birthYear() < settings.minimumAge()) {
            errors.put("birthYear", "applicants must be at least %d years old".formatted(settings.minimumAge()));
        }
        if (request.organisationId() != null && !organisations.exists(request.organisationId())) {
            errors.put("organisationId", "no member organisation with this id");
        }
        return errors;
    }

    private static ConflictException duplicate() {
        return new ConflictException("An application or membership already exists for this email address.");
    }

    private static Profile toProfile(ApplicationRequest r) {
        return new Profile(r.kind(), Text.blankToNull(r.phone()), r.postalCode().trim(), Text.blankToNull(r.city()),
                r.industry().trim(), r.expertise().trim(), Text.blankToNull(r.businessName()), r.yearsOfExperience(),
                String.join(", ", r.languages().stream().map(String::trim).toList()), r.birthYear(),
                Text.blankToNull(r.gender()), Text.blankToNull(r.ethnicity()), Text.blankToNull(r.countryOfOrigin()));
    }
}
