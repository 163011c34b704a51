package org.steward.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.MemberContact;
import org.steward.members.MemberDeactivated;
import org.steward.members.Members;
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;
import org.steward.tasks.CaseKey;

/**
 * CON-4, "Release member story": staff ask to release a member's story; the member, who must consent to
 * PROMOTION, is emailed what will be released and confirms or refuses by link within 14 days; only a
 * confirmation brings the staff task "Publish story". A withdrawal or lapse of PROMOTION cancels the
 * release wherever it stands. Each step is in the process history and the audit trail.
 */
@Service
public class PromotionReleases {

    public enum Status { AWAITING_ANSWER, CONFIRMED, REFUSED, EXPIRED, CANCELLED, PUBLISHED }

    public record Requested(long id, Status status) {
    }

    /** What the member's page and the staff task show. */
    public record ReleaseView(long id, long memberId, String memberName, String story, Status status,
                              Instant requestedAt, Instant answeredAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final ConsentCheck check;
    private final Members members;
    private final MailOutbox outbox;
    private final ConsentLinks links;
    private final ConsentProperties settings;
    private final EngineClock clock;
    private final AuditTrail audit;

    PromotionReleases(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, ConsentCheck check, Members members,
                      MailOutbox outbox, ConsentLinks links, ConsentProperties settings, EngineClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.check = check;
        this.members = members;
        this.outbox = outbox;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /** Starts "Release member story" for a member who consents to PROMOTION now; refused (400) otherwise. */
    @Transactional
    public Requested request(ReleaseRequest request, String staffUser) {
        long memberId = request.memberId();
        if (!members.allExist(List.of(memberId))) {
            throw new NotFoundException("There is no member " + memberId + ".");
        }
        if (!check.mayProcess(memberId, Purpose.PROMOTION)) {
            throw new InvalidInputException(Map.of("memberId",
                    "this member does not consent to PROMOTION now; a story is released only with that consent (CON-4)"));
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO promotion_release (member_id, story, status, requested_by, requested_at)
                VALUES (:member, :story, 'AWAITING_ANSWER', :by, :now)""",
                new MapSqlParameterSource("member", memberId).addValue("story", request.story().strip())
                        .addValue("by", staffUser).addValue("now", Timestamp.from(clock.now())), key, new String[] {"id"});
        long id = key.getKey().longValue();
        runtimeService.startProcessInstanceByKey(ConsentProcesses.RELEASE_KEY, caseKey(id));
        audit.record(staffUser, "RELEASE_REQUESTED", caseKey(id), "member=" + memberId);
        return new Requested(id, Status.AWAITING_ANSWER);
    }

    /** Task_SendReleaseRequest: the member is emailed the story and a link to confirm or refuse it. */
    @Transactional
    public void sendRequest(long releaseId) {
        Release release = get(releaseId);
        if (release.status() != Status.AWAITING_ANSWER) {
            return;
        }
        if (!check.mayProcess(release.memberId(), Purpose.PROMOTION)) {
            cancel(releaseId); // consent ended before the request went out; the process closes it at 14 days
            return;
        }
        MemberContact member = members.contactable(List.of(release.memberId())).get(0);
        String url = links.issue(ConsentLinks.RELEASE, "release", releaseId, settings.releaseAnswerWithin());
        LocalDate answerBy = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plus(settings.releaseAnswerWithin());
        outbox.enqueue(new Mail(caseKey(releaseId) + "-request", PreferencesLinks.subjectRef(release.memberId()),
                "consent-release-request", member.email(), Map.of("name", member.name(), "story", release.story(),
                "releaseUrl", url, "answerBy", ConsentRenewals.DAY.format(answerBy))).withRole(RecipientRole.MEMBER)
                .toSubject(member.subjectId()).forConsentPurpose(Purpose.PROMOTION));
    }

    @Transactional(readOnly = true)
    public ReleaseView releasePage(String token) {
        return view(links.check(ConsentLinks.RELEASE, token).subjectId());
    }

    /** The member confirms or refuses, once; the process continues accordingly (CON-4). */
    @Transactional
    public ReleaseView answer(String token, boolean confirm) {
        long releaseId = links.consume(ConsentLinks.RELEASE, token).subjectId();
        Status answer = confirm ? Status.CONFIRMED : Status.REFUSED;
        if (jdbc.update("UPDATE promotion_release SET status = :status, answered_at = :now WHERE id = :id AND status = 'AWAITING_ANSWER'",
                new MapSqlParameterSource("status", answer.name()).addValue("now", Timestamp.from(clock.now())).addValue("id", releaseId)) == 1) {
            audit.record("member", "RELEASE_" + answer, caseKey(releaseId), "member=" + get(releaseId).memberId());
            runtimeService.createMessageCorrelation(confirm ? ConsentProcesses.MSG_RELEASE_CONFIRMED : ConsentProcesses.MSG_RELEASE_REFUSED)
                    .processInstanceBusinessKey(caseKey(releaseId)).correlateAll();
        }
        return view(releaseId);
    }

    /** Task_CloseUnansweredRelease: 14 days without an answer; the link stops working. */
    @Transactional
    public void closeUnanswered(long releaseId) {
        finish(releaseId, Status.EXPIRED, "AWAITING_ANSWER");
    }

    /** Task_CancelRelease: PROMOTION was withdrawn or lapsed; nothing is released. */
    @Transactional
    public void cancel(long releaseId) {
        finish(releaseId, Status.CANCELLED, "AWAITING_ANSWER", "CONFIRMED");
    }

    /** Whether staff may publish now: confirmed, and the member still consents (CON-2 takes effect at once). */
    @Transactional(readOnly = true)
    public boolean publishable(long releaseId) {
        Release release = get(releaseId);
        return release.status() == Status.CONFIRMED && check.mayProcess(release.memberId(), Purpose.PROMOTION);
    }

    /** Task_PublishStory completed: staff published the confirmed story. */
    @Transactional
    public void markPublished(long releaseId, String staffUser) {
        if (jdbc.update("UPDATE promotion_release SET status = 'PUBLISHED', published_by = :by, published_at = :now "
                        + "WHERE id = :id AND status = 'CONFIRMED'",
                new MapSqlParameterSource("by", staffUser).addValue("now", Timestamp.from(clock.now())).addValue("id", releaseId)) == 1) {
            audit.record(staffUser, "STORY_PUBLISHED", caseKey(releaseId), "member=" + get(releaseId).memberId());
        }
    }

    @Transactional(readOnly = true)
    public ReleaseView view(long releaseId) {
        Release release = get(releaseId);
        return new ReleaseView(releaseId, release.memberId(), members.view(release.memberId()).name(), release.story(),
                release.status(), release.requestedAt(), release.answeredAt());
    }

    /** CON-2: a withdrawn or lapsed PROMOTION cancels the member's open releases at once. */
    @EventListener
    void onConsentEnded(ConsentEnded ended) {
        if (Purpose.PROMOTION.equals(ended.purpose())) {
            cancelOpenReleasesOf(ended.memberId());
        }
    }

    /** DSR-6: deactivation stops all processing about the member: their open releases end as a withdrawal ends them. */
    @EventListener
    void onMemberDeactivated(MemberDeactivated deactivated) {
        cancelOpenReleasesOf(deactivated.memberId());
    }

    private void cancelOpenReleasesOf(long memberId) {
        List<Long> open = jdbc.queryForList("SELECT id FROM promotion_release WHERE member_id = :member "
                        + "AND status IN ('AWAITING_ANSWER', 'CONFIRMED')",
                new MapSqlParameterSource("member", memberId), Long.class);
        for (Long releaseId : open) {
            runtimeService.createMessageCorrelation(ConsentProcesses.MSG_PROMOTION_CONSENT_ENDED)
                    .processInstanceBusinessKey(caseKey(releaseId)).correlateAll();
        }
    }

    private void finish(long releaseId, Status status, String... from) {
        if (jdbc.update("UPDATE promotion_release SET status = :status WHERE id = :id AND status IN (:from)",
                new MapSqlParameterSource("status", status.name()).addValue("id", releaseId).addValue("from", List.of(from))) == 1) {
            links.revoke(ConsentLinks.RELEASE, releaseId);
            audit.record("system", "RELEASE_" + status, caseKey(releaseId), "member=" + get(releaseId).memberId());
        }
    }

    private record Release(long memberId, String story, Status status, Instant requestedAt, Instant answeredAt) {
    }

    private Release get(long releaseId) {
        List<Release> found = jdbc.query("SELECT member_id, story, status, requested_at, answered_at FROM promotion_release WHERE id = :id",
                new MapSqlParameterSource("id", releaseId), (rs, i) -> new Release(rs.getLong(1), rs.getString(2),
                        Status.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()));
        if (found.isEmpty()) {
            throw new NotFoundException("There is no release " + releaseId + ".");
        }
        return found.get(0);
    }

    static String caseKey(long releaseId) {
        return CaseKey.of(ConsentProcesses.RELEASE_CASE, releaseId);
    }
}
