package org.steward.matching;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.links.InvalidLinkException;
import org.steward.mail.Mail;
import org.steward.mail.MailOutbox;
import org.steward.members.MemberContact;
import org.steward.members.MemberKind;
import org.steward.members.Members;
import org.steward.members.Profile;
import org.steward.members.Profiles;
import org.steward.privacy.ProcessingRestrictions;
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;
import org.steward.system.validation.PlainTextValidator;

/**
 * MAT-1 to MAT-3, "Find a mentor": an entrepreneur (by link) or program staff ask; the candidates are scored and
 * kept, broken down by criterion; staff confirm one; the mentor is asked by mail, without the entrepreneur's name
 * or contact, and accepts or declines by link within 7 days; a decline or silence moves on to the next candidate,
 * and after three unsuccessful ones staff pick again or close the request. The need stays in match_request.
 */
@Service
public class MatchRequests {

    public enum Status { SCORING, AWAITING_CONFIRMATION, ASKING_MENTOR, NEEDS_STAFF, MATCHED, CLOSED_UNMATCHED, CANCELLED }

    public enum AttemptStatus { PENDING, ASKED, ACCEPTED, DECLINED, EXPIRED, UNAVAILABLE }

    public record Created(long id) {
    }

    /** A ranked candidate, as staff see it: member id and points per criterion, no contact details. */
    public record Candidate(int rank, long mentorId, Map<Criterion, BigDecimal> points, BigDecimal total, boolean askedAlready) {
    }

    public record Attempt(long mentorId, AttemptStatus status, Instant askedAt, Instant answeredAt, boolean pickedByStaff) {
    }

    /** What the staff tasks show: the request, its ranked candidates and who was asked. */
    public record RequestView(long id, long entrepreneurId, String need, String language, Status status, Instant requestedAt,
                              List<Candidate> candidates, List<Attempt> attempts) {
    }

    /** What the mentor's page shows: the need, the industry and the language, never who asks (MAT-4). */
    public record AskView(long requestId, String need, String industry, String language, String answerBy, AttemptStatus status) {
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final int MAX_NEED = 2000;

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final Members members;
    private final Profiles profiles;
    private final ProcessingRestrictions restrictions;
    private final MatchProfiles matchProfiles;
    private final CandidateSearch search;
    private final MatchingLinks links;
    private final MailOutbox outbox;
    private final MatchingProperties settings;
    private final MatchingClock clock;
    private final AuditTrail audit;

    MatchRequests(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, Members members, Profiles profiles,
                  ProcessingRestrictions restrictions, MatchProfiles matchProfiles, CandidateSearch search, MatchingLinks links,
                  MailOutbox outbox, MatchingProperties settings, MatchingClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.members = members;
        this.profiles = profiles;
        this.restrictions = restrictions;
        this.matchProfiles = matchProfiles;
        this.search = search;
        this.links = links;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    // --- MAT-1: asking ---

    /** Program staff start a request for an entrepreneur (POST /api/match-requests). 400 naming the field otherwise. */
    @Transactional
    public Created request(Long entrepreneurId, String need, String language, String staffUser) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanNeed = checkNeed(need, errors);
        String cleanLanguage = checkLanguage(language, errors);
        if (entrepreneurId == null) {
            errors.put("entrepreneurId", "name the entrepreneur's member id");
        } else {
            whyNotRequesting(entrepreneurId).ifPresent(why -> errors.put("entrepreneurId", why));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Created(start(entrepreneurId, cleanNeed, cleanLanguage, staffUser));
    }

    @Transactional(readOnly = true)
    public long requestPage(String token) {
        return matchProfiles.activeMember(links.check(MatchingLinks.REQUEST, token).subjectId());
    }

    /** The entrepreneur asks through their link (POST): the same rules, the link is used up. */
    @Transactional
    public Created requestByLink(String token, String need, String language) {
        long memberId = requestPage(token);
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanNeed = checkNeed(need, errors);
        String cleanLanguage = checkLanguage(language, errors);
        whyNotRequesting(memberId).ifPresent(why -> errors.put("need", why));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        links.consume(MatchingLinks.REQUEST, token);
        return new Created(start(memberId, cleanNeed, cleanLanguage, "member"));
    }

    private long start(long entrepreneurId, String need, String language, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO match_request (entrepreneur_member_id, need, language, status, requested_by, requested_at)
                VALUES (:member, :need, :language, 'SCORING', :by, :now)""",
                new MapSqlParameterSource("member", entrepreneurId).addValue("need", need).addValue("language", language)
                        .addValue("by", by).addValue("now", clock.stamp()), key, new String[] {"id"});
        long id = key.getKey().longValue();
        runtimeService.startProcessInstanceByKey(MatchingProcesses.REQUEST_KEY, MatchingProcesses.requestKey(id));
        audit.record(by, "MATCH_REQUESTED", MatchingProcesses.requestKey(id), "entrepreneur=" + entrepreneurId);
        return id;
    }

    private Optional<String> whyNotRequesting(long entrepreneurId) {
        if (!members.isContactable(entrepreneurId) || matchProfiles.kindOf(entrepreneurId).orElse(null) != MemberKind.ENTREPRENEUR) {
            return Optional.of("there is no active entrepreneur " + entrepreneurId);
        }
        long subjectId = members.subjectIdOf(entrepreneurId).orElseThrow();
        if (!restrictions.mayProcess(subjectId)) {
            return Optional.of("this member's data may not be processed for matching now (DSR-8)");
        }
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM match_request WHERE entrepreneur_member_id = :member "
                        + "AND status IN ('SCORING', 'AWAITING_CONFIRMATION', 'ASKING_MENTOR', 'NEEDS_STAFF')",
                new MapSqlParameterSource("member", entrepreneurId), Integer.class);
        return open != null && open > 0 ? Optional.of("this entrepreneur already has an open request for a mentor") : Optional.empty();
    }

    private static String checkNeed(String need, Map<String, String> errors) {
        String value = need == null ? "" : need.trim();
        if (value.isEmpty()) {
            errors.put("need", "say what you would like help with");
        } else if (value.length() > MAX_NEED) {
            errors.put("need", "may be at most " + MAX_NEED + " characters");
        } else if (!PlainTextValidator.isPlainText(value, true)) {
            errors.put("need", "must be plain text");
        }
        return value;
    }

    private static String checkLanguage(String language, Map<String, String> errors) {
        String value = language == null ? "" : language.trim();
        if (value.isEmpty()) {
            errors.put("language", "name the language you prefer");
        } else if (value.length() > 40 || !PlainTextValidator.isPlainText(value, false)) {
            errors.put("language", "one language, at most 40 characters");
        }
        return value;
    }

    // --- MAT-1: scoring (Task_ScoreCandidates) ---

    @Transactional
    public int scoreCandidates(long requestId) {
        Request request = get(requestId);
        long entrepreneurSubject = members.subjectIdOf(request.entrepreneurId()).orElseThrow();
        Profile own = profiles.find(entrepreneurSubject).orElse(null);
        String timeZone = matchProfiles.view(request.entrepreneurId()).timeZone();
        MatchScorer.Seeker seeker = new MatchScorer.Seeker(request.need(), own == null ? null : own.industry(),
                own == null ? null : own.languages(), request.language(), own == null ? null : own.city(),
                own == null ? null : own.postalCode(), timeZone);
        List<CandidateScore> ranked = search.rank(new MatchScorer(settings.weights(), clock.now()), seeker,
                request.entrepreneurId(), settings.candidates());
        MapSqlParameterSource id = new MapSqlParameterSource("request", requestId);
        jdbc.update("DELETE FROM match_candidate WHERE request_id = :request", id);
        int rank = 0;
        for (CandidateScore score : ranked) {
            jdbc.update("""
                    INSERT INTO match_candidate (request_id, mentor_member_id, ranking, industry_points, expertise_points,
                                                 language_points, location_points, capacity_points, total_points)
                    VALUES (:request, :mentor, :rank, :industry, :expertise, :language, :location, :capacity, :total)""",
                    new MapSqlParameterSource("request", requestId).addValue("mentor", score.mentorId()).addValue("rank", ++rank)
                            .addValue("industry", score.points().get(Criterion.INDUSTRY))
                            .addValue("expertise", score.points().get(Criterion.EXPERTISE))
                            .addValue("language", score.points().get(Criterion.LANGUAGE))
                            .addValue("location", score.points().get(Criterion.LOCATION))
                            .addValue("capacity", score.points().get(Criterion.CAPACITY))
                            .addValue("total", score.total()));
        }
        setStatus(requestId, Status.AWAITING_CONFIRMATION);
        return ranked.size();
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(long requestId) {
        get(requestId);
        List<Long> asked = askedMentors(requestId);
        return jdbc.query("SELECT * FROM match_candidate WHERE request_id = :request ORDER BY ranking",
                new MapSqlParameterSource("request", requestId), (rs, i) -> {
                    Map<Criterion, BigDecimal> points = new EnumMap<>(Criterion.class);
                    for (Criterion c : Criterion.values()) {
                        points.put(c, rs.getBigDecimal(c.name().toLowerCase(Locale.ROOT) + "_points").setScale(3));
                    }
                    long mentor = rs.getLong("mentor_member_id");
                    return new Candidate(rs.getInt("ranking"), mentor, points, rs.getBigDecimal("total_points").setScale(3),
                            asked.contains(mentor));
                });
    }

    // --- MAT-2: staff confirm or pick ---

    /** Why staff may not ask this mentor for this request now (not a listed candidate, asked already, no longer eligible). */
    @Transactional(readOnly = true)
    public Optional<String> whyNotPickable(long requestId, long mentorId) {
        Request request = get(requestId);
        if (candidates(requestId).stream().noneMatch(c -> c.mentorId() == mentorId)) {
            return Optional.of("member " + mentorId + " is not among this request's candidates");
        }
        if (askedMentors(requestId).contains(mentorId)) {
            return Optional.of("member " + mentorId + " was asked for this request already");
        }
        if (!search.eligible(mentorId, request.entrepreneurId())) {
            return Optional.of("member " + mentorId + " cannot be asked now (no capacity left, deactivated or restricted)");
        }
        return Optional.empty();
    }

    /** Task_ConfirmMentor / Task_FindMentor completed: this mentor is asked next. */
    @Transactional
    public void pick(long requestId, long mentorId, String staffUser) {
        jdbc.update("""
                INSERT INTO match_attempt (request_id, mentor_member_id, status, picked_by, created_at)
                VALUES (:request, :mentor, 'PENDING', :by, :now)""",
                new MapSqlParameterSource("request", requestId).addValue("mentor", mentorId).addValue("by", staffUser)
                        .addValue("now", clock.stamp()));
        audit.record(staffUser, "MENTOR_PICKED", MatchingProcesses.requestKey(requestId), "mentor=" + mentorId);
    }

    // --- MAT-3: asking the mentor ---

    /** Task_AskMentor: the mentor is mailed the need (no name, no contact) and a link valid 7 days; false if they cannot be asked. */
    @Transactional
    public boolean askMentor(long requestId) {
        Request request = get(requestId);
        Optional<AttemptRow> pending = latestAttempt(requestId).filter(a -> a.status() == AttemptStatus.PENDING);
        if (pending.isEmpty()) {
            return false;
        }
        AttemptRow attempt = pending.get();
        if (!search.eligible(attempt.mentorId(), request.entrepreneurId())) {
            finishAttempt(attempt.id(), AttemptStatus.UNAVAILABLE, AttemptStatus.PENDING);
            return false;
        }
        MemberContact mentor = members.contactable(List.of(attempt.mentorId())).get(0);
        jdbc.update("UPDATE match_attempt SET status = 'ASKED', asked_at = :now WHERE id = :id",
                new MapSqlParameterSource("now", clock.stamp()).addValue("id", attempt.id()));
        setStatus(requestId, Status.ASKING_MENTOR);
        String url = links.issue(MatchingLinks.ANSWER, attempt.id(), settings.mentorAnswerWithin());
        outbox.enqueue(new Mail("match-request-" + requestId + "-ask-" + attempt.id(), "member:" + attempt.mentorId(),
                "match-mentor-request", mentor.email(), Map.of("need", request.need(), "industry", industryOf(request),
                "language", request.language(), "answerUrl", url, "answerBy", answerBy()))
                .toSubject(mentor.subjectId()));
        audit.record("system", "MENTOR_ASKED", MatchingProcesses.requestKey(requestId), "mentor=" + attempt.mentorId());
        return true;
    }

    @Transactional(readOnly = true)
    public AskView askPage(String token) {
        long attemptId = links.check(MatchingLinks.ANSWER, token).subjectId();
        return askView(attemptId);
    }

    /** The mentor accepts or declines, once (MAT-3); the request process goes on accordingly. */
    @Transactional
    public AskView answer(String token, boolean accept) {
        long attemptId = links.check(MatchingLinks.ANSWER, token).subjectId();
        askView(attemptId); // a deactivated mentor's link: "not valid"
        links.consume(MatchingLinks.ANSWER, token);
        AttemptRow attempt = attempt(attemptId);
        AttemptStatus answer = accept ? AttemptStatus.ACCEPTED : AttemptStatus.DECLINED;
        if (finishAttempt(attemptId, answer, AttemptStatus.ASKED)) {
            audit.record("member", "MENTOR_" + answer, MatchingProcesses.requestKey(attempt.requestId()), "mentor=" + attempt.mentorId());
            runtimeService.createMessageCorrelation(accept ? MatchingProcesses.MSG_MENTOR_ACCEPTED : MatchingProcesses.MSG_MENTOR_DECLINED)
                    .processInstanceBusinessKey(MatchingProcesses.requestKey(attempt.requestId())).correlateAll();
        } else {
            throw new InvalidLinkException(InvalidLinkException.Reason.USED);
        }
        return askView(attemptId);
    }

    private AskView askView(long attemptId) {
        AttemptRow attempt = attempt(attemptId);
        matchProfiles.activeMember(attempt.mentorId());
        Request request = get(attempt.requestId());
        return new AskView(request.id(), request.need(), industryOf(request), request.language(), answerBy(), attempt.status());
    }

    /**
     * After a decline or silence (Task_RecordUnsuccessfulAsk): the mentor asked is marked, their link stops working,
     * and unless this was the third unsuccessful candidate since staff last picked, the next eligible candidate is
     * lined up. Returns whether one was.
     */
    @Transactional
    public boolean recordUnsuccessfulAndLineUpNext(long requestId) {
        Request request = get(requestId);
        latestAttempt(requestId).ifPresent(attempt -> {
            finishAttempt(attempt.id(), AttemptStatus.EXPIRED, AttemptStatus.ASKED, AttemptStatus.PENDING);
            links.revoke(MatchingLinks.ANSWER, attempt.id());
        });
        List<AttemptRow> attempts = attempts(requestId);
        int unsuccessful = 0;
        for (int i = attempts.size() - 1; i >= 0; i--) {
            unsuccessful++;
            if (attempts.get(i).pickedBy() != null) {
                break;
            }
        }
        if (unsuccessful >= settings.unsuccessfulAsks()) {
            setStatus(requestId, Status.NEEDS_STAFF);
            return false;
        }
        List<Long> asked = askedMentors(requestId);
        for (Candidate candidate : candidates(requestId)) {
            if (!asked.contains(candidate.mentorId()) && search.eligible(candidate.mentorId(), request.entrepreneurId())) {
                jdbc.update("""
                        INSERT INTO match_attempt (request_id, mentor_member_id, status, picked_by, created_at)
                        VALUES (:request, :mentor, 'PENDING', NULL, :now)""",
                        new MapSqlParameterSource("request", requestId).addValue("mentor", candidate.mentorId())
                                .addValue("now", clock.stamp()));
                return true;
            }
        }
        setStatus(requestId, Status.NEEDS_STAFF);
        return false;
    }

    /** Task_CloseRequest: staff found no mentor; the request ends unmatched. */
    @Transactional
    public void closeUnmatched(long requestId) {
        if (jdbc.update("UPDATE match_request SET status = 'CLOSED_UNMATCHED', closed_at = :now WHERE id = :id AND status <> 'MATCHED'",
                new MapSqlParameterSource("now", clock.stamp()).addValue("id", requestId)) == 1) {
            audit.record("system", "MATCH_REQUEST_CLOSED", MatchingProcesses.requestKey(requestId), "unmatched");
        }
    }

    /** The accepted mentor of a request (Task_StartMatch). */
    @Transactional(readOnly = true)
    public long acceptedMentor(long requestId) {
        return attempts(requestId).stream().filter(a -> a.status() == AttemptStatus.ACCEPTED).map(AttemptRow::mentorId)
                .reduce((first, second) -> second).orElseThrow(() -> new IllegalStateException("No mentor accepted request " + requestId));
    }

    @Transactional
    void markMatched(long requestId) {
        jdbc.update("UPDATE match_request SET status = 'MATCHED', closed_at = :now WHERE id = :id",
                new MapSqlParameterSource("now", clock.stamp()).addValue("id", requestId));
    }

    @Transactional(readOnly = true)
    public RequestView view(long requestId) {
        Request r = get(requestId);
        List<Attempt> attempts = attempts(requestId).stream()
                .map(a -> new Attempt(a.mentorId(), a.status(), a.askedAt(), a.answeredAt(), a.pickedBy() != null)).toList();
        return new RequestView(r.id(), r.entrepreneurId(), r.need(), r.language(), r.status(), r.requestedAt(), candidates(requestId),
                attempts);
    }

    /** "Confirm mentor for request #4 — 10 candidates": the case and its state, never a name. */
    @Transactional(readOnly = true)
    public String title(long requestId, boolean afterFailures) {
        int candidates = candidates(requestId).size();
        if (afterFailures) {
            long unsuccessful = attempts(requestId).stream().filter(a -> a.status() != AttemptStatus.ACCEPTED).count();
            return "Find mentor for request #" + requestId + " — " + unsuccessful + " candidates unsuccessful";
        }
        return "Confirm mentor for request #" + requestId + " — " + candidates + (candidates == 1 ? " candidate" : " candidates");
    }

    /** DSR-6: the member's open requests end; a mentor's open ask counts as a decline, so the request moves on. */
    @Transactional
    void stopFor(long memberId) {
        List<Long> open = jdbc.queryForList("SELECT id FROM match_request WHERE entrepreneur_member_id = :member "
                        + "AND status IN ('SCORING', 'AWAITING_CONFIRMATION', 'ASKING_MENTOR', 'NEEDS_STAFF')",
                new MapSqlParameterSource("member", memberId), Long.class);
        for (Long requestId : open) {
            setStatus(requestId, Status.CANCELLED);
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(MatchingProcesses.requestKey(requestId)).list()
                    .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "Member deactivated (DSR-6)", false, true));
        }
        List<Map<String, Object>> asked = jdbc.queryForList("SELECT id, request_id FROM match_attempt WHERE mentor_member_id = :member "
                + "AND status = 'ASKED'", new MapSqlParameterSource("member", memberId));
        for (Map<String, Object> row : asked) {
            long attemptId = ((Number) row.get("id")).longValue();
            if (finishAttempt(attemptId, AttemptStatus.UNAVAILABLE, AttemptStatus.ASKED)) {
                links.revoke(MatchingLinks.ANSWER, attemptId);
                runtimeService.createMessageCorrelation(MatchingProcesses.MSG_MENTOR_DECLINED)
                        .processInstanceBusinessKey(MatchingProcesses.requestKey(((Number) row.get("request_id")).longValue()))
                        .correlateAll();
            }
        }
    }

    // --- rows ---

    record Request(long id, long entrepreneurId, String need, String language, Status status, Instant requestedAt) {
    }

    private record AttemptRow(long id, long requestId, long mentorId, AttemptStatus status, String pickedBy, Instant askedAt,
                              Instant answeredAt) {
    }

    Request get(long requestId) {
        List<Request> found = jdbc.query("SELECT id, entrepreneur_member_id, need, language, status, requested_at FROM match_request WHERE id = :id",
                new MapSqlParameterSource("id", requestId), (rs, i) -> new Request(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), Status.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant()));
        if (found.isEmpty()) {
            throw new NotFoundException("There is no match request " + requestId + ".");
        }
        return found.get(0);
    }

    private List<AttemptRow> attempts(long requestId) {
        return jdbc.query("SELECT * FROM match_attempt WHERE request_id = :request ORDER BY id",
                new MapSqlParameterSource("request", requestId), (rs, i) -> attemptRow(rs));
    }

    private AttemptRow attempt(long attemptId) {
        List<AttemptRow> found = jdbc.query("SELECT * FROM match_attempt WHERE id = :id", new MapSqlParameterSource("id", attemptId),
                (rs, i) -> attemptRow(rs));
        if (found.isEmpty()) {
            throw new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN);
        }
        return found.get(0);
    }

    private static AttemptRow attemptRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AttemptRow(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("mentor_member_id"),
                AttemptStatus.valueOf(rs.getString("status")), rs.getString("picked_by"), instant(rs.getTimestamp("asked_at")),
                instant(rs.getTimestamp("answered_at")));
    }

    private Optional<AttemptRow> latestAttempt(long requestId) {
        List<AttemptRow> all = attempts(requestId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private List<Long> askedMentors(long requestId) {
        return jdbc.queryForList("SELECT mentor_member_id FROM match_attempt WHERE request_id = :request",
                new MapSqlParameterSource("request", requestId), Long.class);
    }

    private boolean finishAttempt(long attemptId, AttemptStatus to, AttemptStatus... from) {
        return jdbc.update("UPDATE match_attempt SET status = :to, answered_at = :now WHERE id = :id AND status IN (:from)",
                new MapSqlParameterSource("to", to.name()).addValue("now", clock.stamp()).addValue("id", attemptId)
                        .addValue("from", java.util.Arrays.stream(from).map(Enum::name).toList())) == 1;
    }

    private void setStatus(long requestId, Status status) {
        jdbc.update("UPDATE match_request SET status = :status WHERE id = :id",
                new MapSqlParameterSource("status", status.name()).addValue("id", requestId));
    }

    private String industryOf(Request request) {
        return members.subjectIdOf(request.entrepreneurId()).flatMap(profiles::find).map(Profile::industry).orElse("");
    }

    private String answerBy() {
        return DAY.format(LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plus(settings.mentorAnswerWithin()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
