package org.steward.application;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.application.ApplicationProcess.Decision;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;
import org.steward.members.Member;
import org.steward.members.MemberRepository;
import org.steward.organisations.OrganisationRegister;
import org.steward.members.Profile;
import org.steward.system.Text;
import org.steward.system.ConflictException;
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;
import org.steward.system.OptimisticRetry;
import org.steward.system.StewardProperties;

/** Membership applications: intake, the reviewer's decision and carrying it out (APP-1, -2, -5, -6, -7). */
@Service
public class ApplicationService {

    private static final int MAX_REASON_LENGTH = 2000;
    private static final int MAX_ANSWER_LENGTH = 4000;

    private final ApplicationRepository applications;
    private final ReferenceRepository references;
    private final MemberRepository members;
    private final OrganisationRegister organisations;
    private final RuntimeService runtimeService;
    private final MailOutbox outbox;
    private final LinkService links;
    private final OptimisticRetry retry;
    private final StewardProperties.Application settings;
    private final Clock clock;

    ApplicationService(ApplicationRepository applications, ReferenceRepository references, MemberRepository members,
                       OrganisationRegister organisations, RuntimeService runtimeService, MailOutbox outbox,
                       LinkService links, OptimisticRetry retry, StewardProperties properties, Clock clock) {
        this.applications = applications;
        this.references = references;
        this.members = members;
        this.organisations = organisations;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
        this.links = links;
        this.retry = retry;
        this.settings = properties.application();
        this.clock = clock;
    }

    /**
     * Stores the application with its referees and starts the approval process, or stores nothing
     * and says what is wrong.
     */
    @Transactional
    public long submit(ApplicationRequest request) {
        String email = normaliseEmail(request.email());
        checkBusinessRules(request, email);
        if (members.existsByProfileEmail(email) || applications.existsByPendingEmail(email)) {
            throw duplicate();
        }
        Instant now = clock.instant();
        Application application;
        try {
            application = applications.saveAndFlush(new Application(toProfile(request, email), request.organisationId(), now));
        } catch (DataIntegrityViolationException e) {
            throw duplicate(); // a concurrent application for the same address won the race
        }
        for (ApplicationRequest.RefereeRequest referee : request.referees()) {
            references.save(new Reference(application.getId(), referee.name().trim(),
                    normaliseEmail(referee.email()), referee.relationship().trim(), now));
        }
        runtimeService.startProcessInstanceByKey(ApplicationProcess.KEY, String.valueOf(application.getId()),
                Map.of(ApplicationProcess.APPLICATION_ID, application.getId()));
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
                String refereeEmail = normaliseEmail(referee.email());
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

    private static Profile toProfile(ApplicationRequest r, String email) {
        return new Profile(r.kind(), r.name().trim(), email, Text.blankToNull(r.phone()), r.postalCode().trim(),
                Text.blankToNull(r.city()), r.industry().trim(), r.expertise().trim(), Text.blankToNull(r.businessName()),
                r.yearsOfExperience(), String.join(", ", r.languages().stream().map(String::trim).toList()),
                r.birthYear(), Text.blankToNull(r.gender()), Text.blankToNull(r.ethnicity()), Text.blankToNull(r.countryOfOrigin()));
    }

    /** Records the reviewer's decision; the reason is required for REJECT and MORE_INFO (APP-5). */
    @Transactional
    public Decision recordDecision(long applicationId, String decisionName, String reason, String staffUser) {
        Decision decision = parseDecision(decisionName);
        String trimmedReason = reason == null ? "" : reason.trim();
        if (decision != Decision.APPROVE && trimmedReason.isEmpty()) {
            throw new BadUserRequestException("A reason is required to reject an application or to ask for more information.");
        }
        if (trimmedReason.length() > MAX_REASON_LENGTH) {
            throw new BadUserRequestException("The reason may be at most " + MAX_REASON_LENGTH + " characters.");
        }
        get(applicationId).recordDecision(decision, trimmedReason.isEmpty() ? null : trimmedReason, staffUser, clock.instant());
        return decision;
    }

    private static Decision parseDecision(String decisionName) {
        try {
            return Decision.valueOf(decisionName);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadUserRequestException("decision must be one of APPROVE, REJECT or MORE_INFO.");
        }
    }

    /** Emails the applicant the reviewer's question with a link to answer it. */
    @Transactional
    public void requestMoreInformation(long applicationId) {
        Application application = get(applicationId);
        application.requestMoreInformation();
        String token = links.issue(ApplicationLinks.MORE_INFORMATION, applicationId, settings.moreInformationWait());
        outbox.enqueue(new Mail("application-" + applicationId + "-more-info-" + application.getDecidedAt().toEpochMilli(),
                subjectRef(applicationId), "application-more-information", application.getProfile().getEmail(),
                Map.of("name", application.getProfile().getName(),
                        "question", application.getMoreInfoQuestion(),
                        "answerPath", ApplicationLinks.MORE_INFORMATION_PATH + token)));
    }

    @Transactional(readOnly = true)
    public Application checkMoreInformationLink(String token) {
        return get(links.check(ApplicationLinks.MORE_INFORMATION, token).subjectId());
    }

    /** The applicant's answer: stored, then the waiting process continues. Once per link. */
    public void answerMoreInformation(String token, String answer) {
        String trimmed = answer == null ? "" : answer.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_ANSWER_LENGTH) {
            throw new InvalidInputException(Map.of("answer", "write an answer of at most " + MAX_ANSWER_LENGTH + " characters"));
        }
        retry.inTransaction(() -> {
            long applicationId = links.consume(ApplicationLinks.MORE_INFORMATION, token).subjectId();
            get(applicationId).recordAnswer(trimmed, clock.instant());
            runtimeService.createMessageCorrelation(ApplicationProcess.MSG_MORE_INFORMATION_RECEIVED)
                    .processInstanceBusinessKey(String.valueOf(applicationId))
                    .correlateWithResult();
            return applicationId;
        });
    }

    /** APP-6: the applicant becomes an active member, is told, and is welcomed. */
    @Transactional
    public long admitMember(long applicationId) {
        Application application = get(applicationId);
        if (application.getMemberId() != null) {
            return application.getMemberId();
        }
        Member member = members.save(new Member(application.getProfile().copy(), application.getOrganisationId(), clock.instant()));
        application.approve(member.getId());
        String email = application.getProfile().getEmail();
        Map<String, Object> model = Map.of("name", application.getProfile().getName());
        outbox.enqueue(new Mail("application-" + applicationId + "-approved", subjectRef(applicationId),
                "application-approved", email, model));
        outbox.enqueue(new Mail("member-" + member.getId() + "-welcome", "member:" + member.getId(),
                "member-welcome", email, model));
        return member.getId();
    }

    /** Tells the applicant the application was declined, with the reviewer's reason. */
    @Transactional
    public void sendRejection(long applicationId) {
        Application application = get(applicationId);
        application.reject();
        outbox.enqueue(new Mail("application-" + applicationId + "-rejected", subjectRef(applicationId),
                "application-rejected", application.getProfile().getEmail(),
                Map.of("name", application.getProfile().getName(), "reason", application.getDecisionReason())));
    }

    @Transactional(readOnly = true)
    public ApplicationReview review(long applicationId) {
        return ApplicationReview.of(get(applicationId), references.findByApplicationIdOrderById(applicationId));
    }

    @Transactional(readOnly = true)
    public Application get(long applicationId) {
        return applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("No application " + applicationId));
    }

    static String subjectRef(long applicationId) {
        return "application:" + applicationId;
    }

    static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }


    /** What the review form shows: the application and its references, without demographics. */
    public record ApplicationReview(long id, String status, String kind, String name, String email, String phone,
                                    String postalCode, String city, String industry, String expertise,
                                    String businessName, Integer yearsOfExperience, String languages,
                                    Long organisationId, Instant submittedAt, String moreInfoQuestion,
                                    String moreInfoAnswer, List<ReferenceView> references) {

        static ApplicationReview of(Application a, List<Reference> refs) {
            Profile p = a.getProfile();
            return new ApplicationReview(a.getId(), a.getStatus().name(), p.getKind().name(), p.getName(), p.getEmail(),
                    p.getPhone(), p.getPostalCode(), p.getCity(), p.getIndustry(), p.getExpertise(), p.getBusinessName(),
                    p.getYearsOfExperience(), p.getLanguages(), a.getOrganisationId(), a.getSubmittedAt(),
                    a.getMoreInfoQuestion(), a.getMoreInfoAnswer(), refs.stream().map(ReferenceView::of).toList());
        }
    }

    public record ReferenceView(long id, String status, boolean expired, String refereeName, String relationship,
                                String recommendation, Integer knownForYears, String comments, Instant respondedAt) {
        static ReferenceView of(Reference r) {
            return new ReferenceView(r.getId(), r.getStatus().name(), r.getStatus() == Reference.Status.EXPIRED,
                    r.getRefereeName(), r.getRelationship(),
                    r.getRecommendation() == null ? null : r.getRecommendation().name(),
                    r.getKnownForYears(), r.getComments(), r.getRespondedAt());
        }
    }
}
