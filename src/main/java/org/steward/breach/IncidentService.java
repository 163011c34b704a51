package org.steward.breach;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.breach.BreachProcess.Escalation;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;
import org.steward.members.MemberOrganisation;
import org.steward.members.MemberRepository;
import org.steward.members.OrganisationRegister;
import org.steward.security.StaffGroups;
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;

/**
 * Security incidents (BRE-1 to BRE-6): intake, the notices and reports to the organisations'
 * security contacts, the member notice, and the record of who decided and sent what, when.
 * The process decides when; this service decides what and to whom.
 */
@Service
public class IncidentService {

    /** Member notices are queued this many member ids at a time, one short job each (BRE-5). */
    public static final int MEMBER_CHUNK_SIZE = 1000;
    /** The BRE-2 promise: the ISO notice within 24 hours of discovery. */
    public static final Duration ISO_NOTICE_DEADLINE = Duration.ofHours(24);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(IncidentService.class);

    private final IncidentRepository incidents;
    private final IncidentReportRepository reports;
    private final IncidentNoticeRepository notices;
    private final OrganisationRegister organisations;
    private final MemberRepository members;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final MailOutbox outbox;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    IncidentService(IncidentRepository incidents, IncidentReportRepository reports, IncidentNoticeRepository notices,
                    OrganisationRegister organisations, MemberRepository members, RuntimeService runtimeService,
                    IdentityService identityService, MailOutbox outbox, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.incidents = incidents;
        this.reports = reports;
        this.notices = notices;
        this.organisations = organisations;
        this.members = members;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Reported(long id, Instant noticeDeadline) {
    }

    /** Stores the incident and starts its process (BRE-1), or stores and starts nothing and says what is wrong. */
    @Transactional
    public Reported report(IncidentRequest request, String reportedBy) {
        checkBusinessRules(request);
        Instant now = clock.instant();
        Incident incident = incidents.saveAndFlush(new Incident(request.discoveredAt(), request.summary().trim(),
                String.join(", ", request.dataCategories().stream().map(String::trim).toList()),
                new LinkedHashSet<>(request.organisationIds()), new LinkedHashSet<>(request.memberIdsOrEmpty()),
                new LinkedHashSet<>(request.allMembersOfOrganisationIdsOrEmpty()), reportedBy, now));
        // The incident comes from the business key; its deadlines live in incident_deadline (IncidentReception).
        runtimeService.startProcessInstanceByKey(BreachProcess.KEY, BreachProcess.businessKey(incident.getId()));
        log.info("Incident {} reported; ISO notice due by {}", incident.getId(), request.discoveredAt().plus(ISO_NOTICE_DEADLINE));
        return new Reported(incident.getId(), request.discoveredAt().plus(ISO_NOTICE_DEADLINE));
    }

    private void checkBusinessRules(IncidentRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.discoveredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.put("discoveredAt", "the discovery time cannot lie in the future");
        }
        for (Long organisationId : request.organisationIds()) {
            if (!organisations.exists(organisationId)) {
                errors.putIfAbsent("organisationIds", "no member organisation with id " + organisationId);
            } else if (!organisations.get(organisationId).hasSecurityContact()) {
                errors.putIfAbsent("organisationIds", "member organisation " + organisationId
                        + " has no Information Security Officer or alternate contact on record");
            }
        }
        for (Long organisationId : request.allMembersOfOrganisationIdsOrEmpty()) {
            if (!organisations.exists(organisationId)) {
                errors.putIfAbsent("allMembersOfOrganisationIds", "no member organisation with id " + organisationId);
            }
        }
        List<Long> memberIds = request.memberIdsOrEmpty().stream().distinct().toList();
        if (!memberIds.isEmpty() && members.countByIdIn(memberIds) != memberIds.size()) {
            errors.put("memberIds", "some of these ids are not members");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Task_TriageIncident: a genuine incident goes on; anything else is closed with a reason, which is kept. */
    @Transactional
    public void recordTriage(long incidentId, boolean genuine, String reason, String staffUser) {
        Incident incident = get(incidentId);
        if (!genuine) {
            String trimmed = reason == null ? "" : reason.trim();
            if (trimmed.isEmpty()) {
                throw new BadUserRequestException("A reason is required to close an incident at triage.");
            }
            incident.closeAtTriage(trimmed, staffUser, clock.instant());
        }
    }

    /** Task_SendIsoNotice and Task_SendMinimalIsoNotice (BRE-2): one notice to each contact of each organisation. */
    @Transactional
    public int sendIsoNotice(long incidentId, String approvedBy, boolean minimal) {
        Incident incident = get(incidentId);
        IncidentNotice.Kind kind = minimal ? IncidentNotice.Kind.MINIMAL_ISO_NOTICE : IncidentNotice.Kind.ISO_NOTICE;
        String template = minimal ? "incident-iso-notice-minimal" : "incident-iso-notice";
        Map<String, Object> model = incidentModel(incident);
        return sendToContacts(incident, kind, template, model, null, approvedBy, "iso-notice");
    }

    /** Task_SendWrittenReport (BRE-3) and Task_SendStatusReport (BRE-4): the report revision, to every contact. */
    @Transactional
    public int sendReport(long incidentId, long reportId) {
        Incident incident = get(incidentId);
        IncidentReport report = reports.findById(reportId).orElseThrow(() -> new NotFoundException("No report " + reportId));
        if (!report.getIncidentId().equals(incident.getId())) {
            throw new IllegalArgumentException("Report " + reportId + " belongs to another incident");
        }
        Map<String, Object> model = incidentModel(incident);
        model.put("parts", report.getParts());
        model.put("cycle", report.getCycle());
        return switch (report.getKind()) {
            case WRITTEN_REPORT -> sendToContacts(incident, IncidentNotice.Kind.WRITTEN_REPORT, "incident-written-report",
                    model, report.getId(), report.getWrittenBy(), "written-report");
            case STATUS_REPORT -> sendToContacts(incident, IncidentNotice.Kind.STATUS_REPORT, "incident-status-report",
                    model, report.getId(), report.getWrittenBy(), "status-report-" + report.getCycle());
            case MEMBER_NOTICE -> throw new IllegalArgumentException("A member notice goes to members, not organisations");
        };
    }

    private int sendToContacts(Incident incident, IncidentNotice.Kind kind, String template, Map<String, Object> model,
                               Long reportId, String approvedBy, String event) {
        Instant now = clock.instant();
        int sent = 0;
        for (Long organisationId : incident.getOrganisationIds()) {
            MemberOrganisation organisation = organisations.get(organisationId);
            Map<String, String> contacts = new LinkedHashMap<>();
            if (organisation.getIsoEmail() != null) {
                contacts.put(organisation.getIsoEmail(), organisation.getIsoName());
            }
            if (organisation.getAlternateEmail() != null) {
                contacts.putIfAbsent(organisation.getAlternateEmail(), organisation.getAlternateName());
            }
            int contactNumber = 0;
            for (Map.Entry<String, String> contact : contacts.entrySet()) {
                contactNumber++;
                String key = "incident-%d-%s-org-%d-contact-%d".formatted(incident.getId(), event, organisationId, contactNumber);
                Map<String, Object> mailModel = new HashMap<>(model);
                mailModel.put("organisationName", organisation.getName());
                mailModel.put("contactName", contact.getValue());
                if (outbox.enqueue(new Mail(key, "incident:" + incident.getId(), template, contact.getKey(), mailModel))) {
                    notices.save(new IncidentNotice(incident.getId(), kind, organisationId, reportId, contact.getKey(), key, approvedBy, now));
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The escalation tasks: a mail to every security officer (BRE-2 at 12 h and 20 h; late reports; the 72-hour clock). */
    @Transactional
    public int tellOfficers(long incidentId, Escalation escalation, int cycle) {
        Incident incident = get(incidentId);
        Map<String, Object> model = incidentModel(incident);
        model.put("escalation", escalation.name());
        model.put("cycle", cycle);
        model.put("tasklistUrl", "/camunda/app/tasklist/");
        Instant now = clock.instant();
        int sent = 0;
        for (User officer : identityService.createUserQuery().memberOfGroup(StaffGroups.SECURITY_OFFICERS).list()) {
            if (officer.getEmail() == null || officer.getEmail().isBlank()) {
                continue;
            }
            String key = "incident-%d-escalation-%s-%d-officer-%s".formatted(incidentId, escalation.name(), cycle, officer.getId());
            Map<String, Object> mailModel = new HashMap<>(model);
            mailModel.put("officerName", officer.getFirstName());
            if (outbox.enqueue(new Mail(key, "incident:" + incidentId, "incident-escalation", officer.getEmail(), mailModel))) {
                notices.save(new IncidentNotice(incidentId, IncidentNotice.Kind.ESCALATION, null, null, officer.getEmail(), key, null, now));
                sent++;
            }
        }
        if (sent == 0) {
            log.warn("Incident {}: escalation {} reached no security officer with an email address", incidentId, escalation);
        }
        return sent;
    }

    /**
     * Stores a report text as a new revision (BRE-3, BRE-4, BRE-5) and returns its id. Every part is
     * required: it may say "not yet known", never be blank.
     */
    @Transactional
    public long recordReport(long incidentId, ReportKind kind, int cycle, Map<String, ?> formFields, String staffUser) {
        Incident incident = get(incidentId);
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> blank = new ArrayList<>();
        for (String part : kind.parts()) {
            Object value = formFields.get(part);
            String text = value == null ? "" : value.toString().trim();
            if (text.isEmpty()) {
                blank.add(part);
            }
            parts.put(part, text);
        }
        if (!blank.isEmpty()) {
            throw new BadUserRequestException("Every part of the report is required; write \"not yet known\" where "
                    + "nothing can be determined yet. Blank: " + String.join(", ", blank));
        }
        int revision = reports.findFirstByIncidentIdAndKindAndCycleOrderByRevisionDesc(incident.getId(), kind, cycle)
                .map(r -> r.getRevision() + 1).orElse(1);
        return reports.save(new IncidentReport(incident.getId(), kind, cycle, revision, parts, staffUser, clock.instant())).getId();
    }

    /** An officer marked the investigation complete on the last status report (BRE-4). */
    @Transactional
    public void completeInvestigation(long incidentId) {
        get(incidentId).completeInvestigation(clock.instant());
    }

    /** GDPR Art. 33: the supervisory authority was notified, or why that was not required (BRE-6). */
    @Transactional
    public void recordSupervisoryAuthority(long incidentId, boolean notified, String note, String staffUser) {
        String trimmed = note == null ? "" : note.trim();
        if (!notified && trimmed.isEmpty()) {
            throw new BadUserRequestException("Say why the supervisory authority need not be notified.");
        }
        get(incidentId).recordSupervisoryAuthority(notified, trimmed.isEmpty() ? null : trimmed, clock.instant());
    }

    /**
     * Fixes who gets the member notice (BRE-5): the listed members and every member of the named
     * organisations, except deactivated ones. One statement, however many members.
     * Erasure (DSR-7) does not exist yet; when it does, erased members must be excluded here too.
     */
    @Transactional
    public int selectMemberNoticeRecipients(long incidentId) {
        return jdbc.update("""
                INSERT INTO incident_member_notice (incident_id, member_id, chunk)
                SELECT :incident, m.id, FLOOR(m.id / :chunkSize) FROM member m
                WHERE m.status = 'ACTIVE'
                  AND (m.id IN (SELECT member_id FROM incident_listed_member WHERE incident_id = :incident)
                       OR m.organisation_id IN (SELECT organisation_id FROM incident_all_members_of WHERE incident_id = :incident))
                  AND NOT EXISTS (SELECT 1 FROM incident_member_notice x WHERE x.incident_id = :incident AND x.member_id = m.id)""",
                new MapSqlParameterSource("incident", incidentId).addValue("chunkSize", MEMBER_CHUNK_SIZE));
    }

    /** The chunks "Queue member notices" runs once each. */
    @Transactional(readOnly = true)
    public List<Long> memberNoticeChunks(long incidentId) {
        return jdbc.queryForList("SELECT DISTINCT chunk FROM incident_member_notice WHERE incident_id = :incident ORDER BY chunk",
                new MapSqlParameterSource("incident", incidentId), Long.class);
    }

    /**
     * Queues the member notice for one chunk of recipients through the outbox's bulk path (BRE-5).
     * A member deactivated since the recipients were fixed gets nothing; a retried chunk queues nothing twice.
     */
    @Transactional
    public int queueMemberNotices(long incidentId, long memberNoticeId, long chunk) {
        Incident incident = get(incidentId);
        IncidentReport notice = reports.findById(memberNoticeId)
                .orElseThrow(() -> new NotFoundException("No member notice " + memberNoticeId));
        MapSqlParameterSource params = new MapSqlParameterSource("incident", incidentId).addValue("chunk", chunk);
        List<Recipient> recipients = jdbc.query("""
                SELECT m.id, m.name, m.email FROM incident_member_notice n JOIN member m ON m.id = n.member_id
                WHERE n.incident_id = :incident AND n.chunk = :chunk AND n.queued_at IS NULL AND m.status = 'ACTIVE'
                ORDER BY m.id""", params, (rs, i) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3)));
        if (recipients.isEmpty()) {
            return 0;
        }
        String message = notice.getParts().get("memberMessage");
        List<Mail> mails = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            mails.add(new Mail("incident-%d-member-notice-member-%d".formatted(incidentId, recipient.id()),
                    "member:" + recipient.id(), "incident-member-notice", recipient.email(),
                    Map.of("name", recipient.name(), "message", message, "dataCategories", incident.getDataCategories(),
                            "incidentId", incidentId)));
        }
        int queued = outbox.enqueueAll(mails);
        jdbc.update("""
                UPDATE incident_member_notice SET queued_at = :now
                WHERE incident_id = :incident AND chunk = :chunk AND queued_at IS NULL
                  AND EXISTS (SELECT 1 FROM member m WHERE m.id = incident_member_notice.member_id AND m.status = 'ACTIVE')""",
                params.addValue("now", Timestamp.from(clock.instant())));
        return queued;
    }

    private record Recipient(long id, String name, String email) {
    }

    @Transactional(readOnly = true)
    public Incident get(long incidentId) {
        return incidents.findById(incidentId).orElseThrow(() -> new NotFoundException("No incident " + incidentId));
    }

    private Map<String, Object> incidentModel(Incident incident) {
        Map<String, Object> model = new HashMap<>();
        model.put("incidentId", incident.getId());
        model.put("discoveredAt", TIME.format(incident.getDiscoveredAt()));
        model.put("dataCategories", incident.getDataCategories());
        model.put("summary", incident.getSummary());
        model.put("noticeDeadline", TIME.format(incident.getDiscoveredAt().plus(ISO_NOTICE_DEADLINE)));
        return model;
    }

    /** What the Tasklist forms show of an incident, fetched by id so it never enters process variables. */
    public record IncidentView(long id, String status, Instant discoveredAt, Instant noticeDeadline, String summary,
                               String dataCategories, List<String> organisations, int listedMembers,
                               List<String> allMembersOf, String closureReason) {
    }

    @Transactional(readOnly = true)
    public IncidentView view(long incidentId) {
        Incident incident = get(incidentId);
        return new IncidentView(incident.getId(), incident.getStatus().name(), incident.getDiscoveredAt(),
                incident.getDiscoveredAt().plus(ISO_NOTICE_DEADLINE), incident.getSummary(), incident.getDataCategories(),
                incident.getOrganisationIds().stream().map(id -> organisations.get(id).getName()).toList(),
                incident.getListedMemberIds().size(),
                incident.getAllMembersOfOrganisationIds().stream().map(id -> organisations.get(id).getName()).toList(),
                incident.getClosureReason());
    }
}
