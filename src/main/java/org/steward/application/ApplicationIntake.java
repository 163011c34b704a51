package org.steward.application;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

/** A membership application comes in (APP-1, -2, -3, -7): checked, stored with its referees, process started. */
@Service
public class ApplicationIntake {

    private final ApplicationRepository applications;
    private final ReferenceRepository references;
    private final DataSubjects subjects;
    private final Profiles profiles;
    private final Members members;
    private final OrganisationRegister organisations;
    private final RuntimeService runtimeService;
    private final StewardProperties.Application settings;
    private final Clock clock;

    ApplicationIntake(ApplicationRepository applications, ReferenceRepository references, DataSubjects subjects,
                      Profiles profiles, Members members, OrganisationRegister organisations,
                      RuntimeService runtimeService, StewardProperties properties, Clock clock) {
        this.applications = applications;
        this.references = references;
        this.subjects = subjects;
        this.profiles = profiles;
        this.members = members;
        this.organisations = organisations;
        this.runtimeService = runtimeService;
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
        checkBusinessRules(request, email);
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
        runtimeService.startProcessInstanceByKey(ApplicationProcess.KEY, ApplicationProcess.businessKey(application.getId()));
        return application.getId();
    }

    private void checkBusinessRules(ApplicationRequest request, String email) {
        Map<String, String> errors = new LinkedHashMap<>();
        int referees = request.referees().size();
        if (referees < settings.minReferees() || referees > settings.maxReferees()) {
            errors.put("referees", "name between %d and %d referees".formatted(settings.minReferees(), settings.maxReferees()));
        } else {
            Set<String> refereeEmails = new HashSet<>();
            for (ApplicationRequest.RefereeRequest referee : request.referees()) {
                String refereeEmail = DataSubjects.normaliseEmail(referee.email());
                if (refereeEmail.equals(email)) {
                    errors.put("referees", "you cannot be your own referee");
                } else if (!refereeEmails.add(refereeEmail)) {
                    errors.put("referees", "each referee needs their own email address");
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
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
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
