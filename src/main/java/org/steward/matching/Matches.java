package org.steward.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.consent.ConsentCheck;
import org.steward.consent.Purpose;
import org.steward.links.InvalidLinkException;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;
import org.steward.members.MemberContact;
import org.steward.members.MemberDeactivated;
import org.steward.members.MemberView;
import org.steward.members.Members;
import org.steward.organisations.OrganisationAdministrator;
import org.steward.organisations.OrganisationRegister;
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;
import org.steward.system.validation.PlainTextValidator;

/**
 * MAT-4 to MAT-6, a match from the mentor's acceptance to its close: the introduction (each side gets the other's
 * name, email and public profile link, and no other field; recorded), the report to the entrepreneur's member
 * organisation (only with a current ORG_REPORTING consent), check-ins at a set interval, the close by either
 * side or staff (capacity is freed at once) and the feedback both are asked for.
 */
@Service
public class Matches {

    public enum Status { ACTIVE, CLOSED }

    public enum Role { MENTOR, ENTREPRENEUR }

    public enum CheckInAnswer { GOING_WELL, OKAY, DIFFICULT }

    /** The fields of the other side an introduction carries (MAT-4), as recorded. */
    public static final String INTRODUCED_FIELDS = "name,email,profile_link";

    public record CheckIn(int cycle, long memberId, Role role, Instant sentAt, CheckInAnswer answer, Instant answeredAt) {
    }

    public record Feedback(long memberId, Role role, Instant askedAt, Integer rating, Instant answeredAt) {
    }

    /** GET /api/matches/{id}: status, dates, check-ins and feedback ratings; member ids only, no contact details or text. */
    public record MatchView(long id, long requestId, long mentorId, long entrepreneurId, Status status, Instant startedAt,
                            Instant closedAt, String closedBy, List<CheckIn> checkIns, List<Feedback> feedback) {
    }

    /** What a link page about one side of a match shows. */
    public record PartyPage(long matchId, Role role, Status status) {
    }

    /** MAT-4: the public profile one side sees of the other: name and what they do, never contact details. */
    public record PartnerProfile(String name, Role role, String industry, String expertise, String languages, String city) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final MatchRequests requests;
    private final MatchProfiles profiles;
    private final Members members;
    private final ConsentCheck consent;
    private final OrganisationRegister organisations;
    private final MatchingLinks links;
    private final MailOutbox outbox;
    private final MatchingProperties settings;
    private final MatchingClock clock;
    private final AuditTrail audit;

    Matches(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, MatchRequests requests, MatchProfiles profiles,
            Members members, ConsentCheck consent, OrganisationRegister organisations, MatchingLinks links, MailOutbox outbox,
            MatchingProperties settings, MatchingClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.requests = requests;
        this.profiles = profiles;
        this.members = members;
        this.consent = consent;
        this.organisations = organisations;
        this.links = links;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /** Task_StartMatch: the mentor accepted; the match begins (one unit of their capacity) and MatchProcess starts. */
    @Transactional
    public long start(long requestId) {
        List<Long> existing = jdbc.queryForList("SELECT id FROM mentor_match WHERE request_id = :request",
                new MapSqlParameterSource("request", requestId), Long.class);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        MatchRequests.Request request = requests.get(requestId);
        long mentorId = requests.acceptedMentor(requestId);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO mentor_match (request_id, mentor_member_id, entrepreneur_member_id, status, started_at)
                VALUES (:request, :mentor, :entrepreneur, 'ACTIVE', :now)""",
                new MapSqlParameterSource("request", requestId).addValue("mentor", mentorId)
                        .addValue("entrepreneur", request.entrepreneurId()).addValue("now", clock.stamp()), key, new String[] {"id"});
        long matchId = key.getKey().longValue();
        for (Map.Entry<Role, Long> side : Map.of(Role.MENTOR, mentorId, Role.ENTREPRENEUR, request.entrepreneurId()).entrySet()) {
            jdbc.update("INSERT INTO match_party (match_id, member_id, role) VALUES (:match, :member, :role)",
                    new MapSqlParameterSource("match", matchId).addValue("member", side.getValue()).addValue("role", side.getKey().name()));
        }
        requests.markMatched(requestId);
        runtimeService.startProcessInstanceByKey(MatchingProcesses.MATCH_KEY, MatchingProcesses.matchKey(matchId));
        audit.record("system", "MATCH_STARTED", MatchingProcesses.matchKey(matchId), "request=" + requestId + " mentor=" + mentorId
                + " entrepreneur=" + request.entrepreneurId());
        return matchId;
    }

    /** Task_SendIntroductions (MAT-4): each side gets the other's name, email and public profile link; recorded. */
    @Transactional
    public void sendIntroductions(long matchId) {
        List<Party> parties = parties(matchId);
        Map<Long, MemberContact> contacts = contacts(parties);
        for (Party to : parties) {
            Party about = other(parties, to);
            MemberContact self = contacts.get(to.memberId());
            MemberContact partner = contacts.get(about.memberId());
            if (self == null || partner == null) {
                continue; // a side deactivated meanwhile: no introduction (DSR-6)
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("partnerName", partner.name());
            model.put("partnerEmail", partner.email());
            model.put("partnerProfileUrl", links.issue(MatchingLinks.PARTNER, about.id(), settings.linkValidity()));
            model.put("closeUrl", links.issue(MatchingLinks.CLOSE, to.id(), settings.linkValidity()));
            if (outbox.enqueue(new Mail(MatchingProcesses.matchKey(matchId) + "-introduction-" + to.id(), "member:" + to.memberId(),
                    "match-introduction", self.email(), model).toSubject(self.subjectId()))) {
                jdbc.update("""
                        INSERT INTO match_introduction (match_id, to_member_id, about_member_id, fields, sent_at)
                        VALUES (:match, :to, :about, :fields, :now)""",
                        new MapSqlParameterSource("match", matchId).addValue("to", to.memberId()).addValue("about", about.memberId())
                                .addValue("fields", INTRODUCED_FIELDS).addValue("now", clock.stamp()));
            }
        }
        audit.record("system", "MATCH_INTRODUCED", MatchingProcesses.matchKey(matchId), "fields=" + INTRODUCED_FIELDS);
    }

    /**
     * Task_ReportToOrganisation / at close (MAT-5): if the entrepreneur joined through a member organisation and holds
     * a current ORG_REPORTING consent (the consent check also says no when they are restricted or deactivated),
     * the organisation's member administrator (DSR-5) receives the match's contact and program-result information;
     * otherwise nothing.
     */
    @Transactional
    public boolean reportToOrganisation(long matchId, String kind) {
        MatchRow match = get(matchId);
        MemberView entrepreneur = members.view(match.entrepreneurId());
        if (entrepreneur.organisationId() == null || !consent.mayProcess(match.entrepreneurId(), Purpose.ORG_REPORTING)) {
            return false;
        }
        // The organisation's contact for its members is its member administrator (DSR-5); the security contacts were
        // nominated for breach notices (BRE-2) only, so an organisation without an administrator is told nothing.
        Optional<OrganisationAdministrator> administrator = organisations.memberAdministrator(entrepreneur.organisationId());
        if (administrator.isEmpty()) {
            return false;
        }
        OrganisationAdministrator organisation = administrator.get();
        String contact = organisation.email();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("organisation", organisation.organisation());
        model.put("entrepreneurName", entrepreneur.name());
        model.put("entrepreneurEmail", entrepreneur.email());
        model.put("kind", kind);
        model.put("status", match.status().name());
        model.put("startedAt", MatchRequests.DAY.format(match.startedAt().atZone(java.time.ZoneOffset.UTC)));
        model.put("closedAt", match.closedAt() == null ? "" : MatchRequests.DAY.format(match.closedAt().atZone(java.time.ZoneOffset.UTC)));
        model.put("checkInsAnswered", count("SELECT COUNT(*) FROM match_check_in WHERE match_id = :match AND answered_at IS NOT NULL", matchId));
        if (outbox.enqueue(new Mail(MatchingProcesses.matchKey(matchId) + "-org-report-" + kind.toLowerCase(), "match:" + matchId,
                "match-org-report", contact, model))) {
            jdbc.update("INSERT INTO match_org_report (match_id, organisation_id, report_kind, sent_at) VALUES (:match, :org, :kind, :now)",
                    new MapSqlParameterSource("match", matchId).addValue("org", organisation.organisationId()).addValue("kind", kind)
                            .addValue("now", clock.stamp()));
            audit.record("system", "MATCH_REPORTED_TO_ORGANISATION", MatchingProcesses.matchKey(matchId),
                    "organisation=" + organisation.organisationId() + " kind=" + kind);
        }
        return true;
    }

    /** Task_SendCheckIns (MAT-6): both sides are asked how it goes, with a link to answer and one to close. */
    @Transactional
    public int sendCheckIns(long matchId) {
        MatchRow match = get(matchId);
        if (match.status() != Status.ACTIVE) {
            return 0;
        }
        int cycle = count("SELECT COALESCE(MAX(cycle_no), 0) FROM match_check_in WHERE match_id = :match", matchId) + 1;
        List<Party> parties = parties(matchId);
        Map<Long, MemberContact> contacts = contacts(parties);
        int sent = 0;
        for (Party party : parties) {
            MemberContact self = contacts.get(party.memberId());
            if (self == null) {
                continue;
            }
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update("INSERT INTO match_check_in (match_id, party_id, cycle_no, sent_at) VALUES (:match, :party, :cycle, :now)",
                    new MapSqlParameterSource("match", matchId).addValue("party", party.id()).addValue("cycle", cycle)
                            .addValue("now", clock.stamp()), key, new String[] {"id"});
            long checkInId = key.getKey().longValue();
            Map<String, Object> model = Map.of("checkInUrl", links.issue(MatchingLinks.CHECK_IN, checkInId, settings.checkInEvery()),
                    "closeUrl", links.issue(MatchingLinks.CLOSE, party.id(), settings.linkValidity()), "matchId", matchId);
            outbox.enqueue(new Mail(MatchingProcesses.matchKey(matchId) + "-check-in-" + cycle + "-" + party.id(), "member:" + party.memberId(),
                    "match-check-in", self.email(), model).toSubject(self.subjectId()));
            sent++;
        }
        return sent;
    }

    @Transactional(readOnly = true)
    public PartyPage checkInPage(String token) {
        return partyPage(checkIn(links.check(MatchingLinks.CHECK_IN, token).subjectId()));
    }

    @Transactional
    public PartyPage answerCheckIn(String token, String answer, String comment) {
        long checkInId = links.check(MatchingLinks.CHECK_IN, token).subjectId();
        PartyPage page = partyPage(checkIn(checkInId));
        Map<String, String> errors = new LinkedHashMap<>();
        CheckInAnswer choice = null;
        try {
            choice = CheckInAnswer.valueOf(answer == null ? "" : answer.trim());
        } catch (IllegalArgumentException e) {
            errors.put("answer", "choose how it is going");
        }
        String text = optionalText(comment, "comment", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        links.consume(MatchingLinks.CHECK_IN, token);
        jdbc.update("UPDATE match_check_in SET answer = :answer, comment = :comment, answered_at = :now WHERE id = :id",
                new MapSqlParameterSource("answer", choice.name()).addValue("comment", text).addValue("now", clock.stamp())
                        .addValue("id", checkInId));
        return page;
    }

    @Transactional(readOnly = true)
    public PartyPage closePage(String token) {
        return partyPage(links.check(MatchingLinks.CLOSE, token).subjectId());
    }

    /** MAT-6: either side closes through their link (POST). */
    @Transactional
    public PartyPage closeByLink(String token) {
        long partyId = links.check(MatchingLinks.CLOSE, token).subjectId();
        PartyPage page = partyPage(partyId);
        links.consume(MatchingLinks.CLOSE, token);
        close(page.matchId(), page.role().name());
        return partyPage(partyId);
    }

    /** MAT-6: program staff close a match (POST /api/matches/{id}/close). */
    @Transactional
    public MatchView closeByStaff(long matchId, String staffUser) {
        MatchRow match = get(matchId);
        if (match.status() != Status.ACTIVE) {
            throw new org.steward.system.ConflictException("Match " + matchId + " is closed already.");
        }
        close(matchId, "STAFF:" + staffUser);
        return view(matchId);
    }

    /** The match closes at once (the mentor's capacity is free again); MatchProcess asks both for feedback. */
    private void close(long matchId, String by) {
        if (jdbc.update("UPDATE mentor_match SET status = 'CLOSED', closed_at = :now, closed_by = :by WHERE id = :id AND status = 'ACTIVE'",
                new MapSqlParameterSource("now", clock.stamp()).addValue("by", by).addValue("id", matchId)) == 1) {
            audit.record(by.startsWith("STAFF:") ? by.substring(6) : "member", "MATCH_CLOSED", MatchingProcesses.matchKey(matchId),
                    "by=" + (by.startsWith("STAFF:") ? "STAFF" : by));
            runtimeService.createMessageCorrelation(MatchingProcesses.MSG_MATCH_CLOSED)
                    .processInstanceBusinessKey(MatchingProcesses.matchKey(matchId)).correlateAll();
        }
    }

    /** Task_AskForFeedback (MAT-6): both sides are asked for feedback; the open check-in and close links stop working. */
    @Transactional
    public void askForFeedback(long matchId) {
        List<Party> parties = parties(matchId);
        Map<Long, MemberContact> contacts = contacts(parties);
        for (Party party : parties) {
            links.revoke(MatchingLinks.CLOSE, party.id());
            jdbc.queryForList("SELECT id FROM match_check_in WHERE party_id = :party AND answered_at IS NULL",
                    new MapSqlParameterSource("party", party.id()), Long.class)
                    .forEach(id -> links.revoke(MatchingLinks.CHECK_IN, id));
            MemberContact self = contacts.get(party.memberId());
            if (self == null || count("SELECT COUNT(*) FROM match_feedback WHERE party_id = :match", party.id()) > 0) {
                continue;
            }
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update("INSERT INTO match_feedback (match_id, party_id, asked_at) VALUES (:match, :party, :now)",
                    new MapSqlParameterSource("match", matchId).addValue("party", party.id()).addValue("now", clock.stamp()),
                    key, new String[] {"id"});
            long feedbackId = key.getKey().longValue();
            outbox.enqueue(new Mail(MatchingProcesses.matchKey(matchId) + "-feedback-" + party.id(), "member:" + party.memberId(),
                    "match-feedback-request", self.email(), Map.of("feedbackUrl",
                    links.issue(MatchingLinks.FEEDBACK, feedbackId, settings.linkValidity()), "matchId", matchId))
                    .toSubject(self.subjectId()));
        }
    }

    @Transactional(readOnly = true)
    public PartyPage feedbackPage(String token) {
        return partyPage(feedbackParty(links.check(MatchingLinks.FEEDBACK, token).subjectId()));
    }

    @Transactional
    public PartyPage answerFeedback(String token, String rating, String comment) {
        long feedbackId = links.check(MatchingLinks.FEEDBACK, token).subjectId();
        PartyPage page = partyPage(feedbackParty(feedbackId));
        Map<String, String> errors = new LinkedHashMap<>();
        int stars = 0;
        try {
            stars = Integer.parseInt(rating == null ? "" : rating.trim());
        } catch (NumberFormatException e) {
            stars = 0;
        }
        if (stars < 1 || stars > 5) {
            errors.put("rating", "choose from 1 to 5");
        }
        String text = optionalText(comment, "comment", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        links.consume(MatchingLinks.FEEDBACK, token);
        jdbc.update("UPDATE match_feedback SET rating = :rating, comment = :comment, answered_at = :now WHERE id = :id",
                new MapSqlParameterSource("rating", stars).addValue("comment", text).addValue("now", clock.stamp())
                        .addValue("id", feedbackId));
        return page;
    }

    /** MAT-4: the other side's public profile, behind the link the introduction carries (GET only). */
    @Transactional(readOnly = true)
    public PartnerProfile partnerProfile(String token) {
        Party party = party(links.check(MatchingLinks.PARTNER, token).subjectId());
        profiles.activeMember(party.memberId());
        MemberView member = members.view(party.memberId());
        var p = member.profile();
        return new PartnerProfile(member.name(), party.role(), p == null ? null : p.industry(), p == null ? null : p.expertise(),
                p == null ? null : p.languages(), p == null ? null : p.city());
    }

    @Transactional(readOnly = true)
    public MatchView view(long matchId) {
        MatchRow m = get(matchId);
        List<CheckIn> checkIns = jdbc.query("""
                SELECT c.cycle_no, p.member_id, p.role, c.sent_at, c.answer, c.answered_at FROM match_check_in c
                JOIN match_party p ON p.id = c.party_id WHERE c.match_id = :match ORDER BY c.cycle_no, p.role""",
                new MapSqlParameterSource("match", matchId), (rs, i) -> new CheckIn(rs.getInt(1), rs.getLong(2), Role.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5) == null ? null : CheckInAnswer.valueOf(rs.getString(5)),
                        instant(rs.getTimestamp(6))));
        List<Feedback> feedback = jdbc.query("""
                SELECT p.member_id, p.role, f.asked_at, f.rating, f.answered_at FROM match_feedback f
                JOIN match_party p ON p.id = f.party_id WHERE f.match_id = :match ORDER BY p.role""",
                new MapSqlParameterSource("match", matchId), (rs, i) -> new Feedback(rs.getLong(1), Role.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), (Integer) rs.getObject(4) == null ? null : rs.getInt(4), instant(rs.getTimestamp(5))));
        return new MatchView(m.id(), m.requestId(), m.mentorId(), m.entrepreneurId(), m.status(), m.startedAt(), m.closedAt(),
                m.closedBy() == null ? null : (m.closedBy().startsWith("STAFF:") ? "STAFF" : m.closedBy()), checkIns, feedback);
    }

    /** DSR-6: deactivation stops all processing about the member: their open requests end, their active matches close. */
    @EventListener
    void onMemberDeactivated(MemberDeactivated deactivated) {
        requests.stopFor(deactivated.memberId());
        jdbc.queryForList("SELECT id FROM mentor_match WHERE status = 'ACTIVE' AND (mentor_member_id = :member OR entrepreneur_member_id = :member)",
                new MapSqlParameterSource("member", deactivated.memberId()), Long.class)
                .forEach(matchId -> close(matchId, "DEACTIVATION"));
    }

    // --- rows ---

    private record MatchRow(long id, long requestId, long mentorId, long entrepreneurId, Status status, Instant startedAt,
                            Instant closedAt, String closedBy) {
    }

    record Party(long id, long matchId, long memberId, Role role) {
    }

    private MatchRow get(long matchId) {
        List<MatchRow> found = jdbc.query("SELECT * FROM mentor_match WHERE id = :id", new MapSqlParameterSource("id", matchId),
                (rs, i) -> new MatchRow(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("mentor_member_id"),
                        rs.getLong("entrepreneur_member_id"), Status.valueOf(rs.getString("status")), rs.getTimestamp("started_at").toInstant(),
                        instant(rs.getTimestamp("closed_at")), rs.getString("closed_by")));
        if (found.isEmpty()) {
            throw new NotFoundException("There is no match " + matchId + ".");
        }
        return found.get(0);
    }

    private List<Party> parties(long matchId) {
        return jdbc.query("SELECT id, match_id, member_id, role FROM match_party WHERE match_id = :match ORDER BY id",
                new MapSqlParameterSource("match", matchId), (rs, i) -> new Party(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Role.valueOf(rs.getString(4))));
    }

    private Party party(long partyId) {
        List<Party> found = jdbc.query("SELECT id, match_id, member_id, role FROM match_party WHERE id = :id",
                new MapSqlParameterSource("id", partyId), (rs, i) -> new Party(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Role.valueOf(rs.getString(4))));
        if (found.isEmpty()) {
            throw new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN);
        }
        return found.get(0);
    }

    /** A link page about one side: refused ("not valid") when that side is deactivated or erased. */
    private PartyPage partyPage(long partyId) {
        Party party = party(partyId);
        profiles.activeMember(party.memberId());
        return new PartyPage(party.matchId(), party.role(), get(party.matchId()).status());
    }

    private long checkIn(long checkInId) {
        return single("SELECT party_id FROM match_check_in WHERE id = :id", checkInId);
    }

    private long feedbackParty(long feedbackId) {
        return single("SELECT party_id FROM match_feedback WHERE id = :id", feedbackId);
    }

    private long single(String sql, long id) {
        List<Long> found = jdbc.queryForList(sql, new MapSqlParameterSource("id", id), Long.class);
        if (found.isEmpty()) {
            throw new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN);
        }
        return found.get(0);
    }

    private static Party other(List<Party> parties, Party one) {
        return parties.stream().filter(p -> p.id() != one.id()).findFirst().orElseThrow();
    }

    private Map<Long, MemberContact> contacts(List<Party> parties) {
        Map<Long, MemberContact> contacts = new LinkedHashMap<>();
        members.contactable(parties.stream().map(Party::memberId).toList()).forEach(c -> contacts.put(c.memberId(), c));
        return contacts;
    }

    private int count(String sql, long id) {
        Integer n = jdbc.queryForObject(sql, new MapSqlParameterSource("match", id), Integer.class);
        return n == null ? 0 : n;
    }

    private static String optionalText(String comment, String field, Map<String, String> errors) {
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (text != null && (text.length() > 2000 || !PlainTextValidator.isPlainText(text, true))) {
            errors.put(field, "plain text, at most 2000 characters");
        }
        return text;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
