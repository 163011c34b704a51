package org.steward.members;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;
import org.steward.system.NotFoundException;

/**
 * The members of the community: admission (APP-6), deactivation (DSR-6), and whom a notice may
 * reach (BRE-5). Other modules know a member by id and never read the member table.
 */
@Service
public class Members {

    private final MemberRepository members;
    private final Profiles profiles;
    private final DataSubjects subjects;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Members(MemberRepository members, Profiles profiles, DataSubjects subjects, NamedParameterJdbcTemplate jdbc, Clock clock,
            ApplicationEventPublisher events) {
        this.members = members;
        this.profiles = profiles;
        this.subjects = subjects;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** APP-6: the person becomes an active member, opted in to essential mail ({@link MemberAdmitted}). Admitting a member again changes nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long admit(long subjectId, Long organisationId) {
        return members.findBySubjectId(subjectId).map(Member::getId).orElseGet(() -> {
            long memberId = members.save(new Member(subjectId, organisationId, clock.instant())).getId();
            events.publishEvent(new MemberAdmitted(memberId, subjectId));
            return memberId;
        });
    }

    /** DSR-6: no more program mail or notices; the data stays for the retention period. Tells the others ({@link MemberDeactivated}). */
    @Transactional
    public void deactivate(long memberId) {
        Member member = get(memberId);
        if (member.getStatus() == MemberStatus.ACTIVE) {
            member.deactivate();
            events.publishEvent(new MemberDeactivated(memberId));
        }
    }

    /** Whether we may write to this member at all: a member, active, not deactivated. */
    @Transactional(readOnly = true)
    public boolean isContactable(long memberId) {
        return members.findById(memberId).map(Member::isContactable).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<Long> memberIdOf(long subjectId) {
        return members.findBySubjectId(subjectId).map(Member::getId);
    }

    /** The data subject a member is (for erasure, DSR-7): empty when there is no such member. */
    @Transactional(readOnly = true)
    public Optional<Long> subjectIdOf(long memberId) {
        return members.findById(memberId).map(Member::getSubjectId);
    }

    /** Member id → data subject id, for these members (one query; DSR-8 asks by subject). */
    @Transactional(readOnly = true)
    public Map<Long, Long> subjectIdsOf(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> subjects = new HashMap<>();
        jdbc.query("SELECT id, subject_id FROM member WHERE id IN (:ids)", new MapSqlParameterSource("ids", memberIds),
                (RowCallbackHandler) rs -> subjects.put(rs.getLong("id"), rs.getLong("subject_id")));
        return subjects;
    }

    @Transactional(readOnly = true)
    public boolean allExist(Collection<Long> memberIds) {
        List<Long> distinct = memberIds.stream().distinct().toList();
        return distinct.isEmpty() || members.countByIdIn(distinct) == distinct.size();
    }

    /**
     * BRE-5: the ids of the contactable members a notice reaches, ascending: the listed members and
     * every member of the named organisations. One query, however many members.
     */
    @Transactional(readOnly = true)
    public List<Long> noticeRecipients(Collection<Long> memberIds, Collection<Long> organisationIds) {
        if (memberIds.isEmpty() && organisationIds.isEmpty()) {
            return List.of();
        }
        String listed = memberIds.isEmpty() ? "FALSE" : "id IN (:memberIds)";
        String ofOrganisations = organisationIds.isEmpty() ? "FALSE" : "organisation_id IN (:organisationIds)";
        return jdbc.queryForList("SELECT id FROM member WHERE status = 'ACTIVE' AND (" + listed + " OR " + ofOrganisations
                        + ") ORDER BY id",
                new MapSqlParameterSource("memberIds", memberIds).addValue("organisationIds", organisationIds), Long.class);
    }

    /** CON-6: every member a notice to all may reach (active, still taking program communications), ascending. */
    @Transactional(readOnly = true)
    public List<Long> communicationRecipients() {
        return jdbc.queryForList("SELECT id FROM member WHERE status = 'ACTIVE' AND essential_communications = TRUE ORDER BY id",
                Map.of(), Long.class);
    }

    /**
     * The contactable members among these ids, ascending, with address and name: for one chunk of a
     * bulk mailing (call it with about a thousand ids at a time). Deactivated members are left out.
     */
    @Transactional(readOnly = true)
    public List<MemberContact> contactable(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        List<Member> active = members.findByIdInAndStatusOrderById(memberIds, MemberStatus.ACTIVE);
        Map<Long, Subject> who = subjects.getAll(active.stream().map(Member::getSubjectId).toList());
        return active.stream().map(m -> {
            Subject s = who.get(m.getSubjectId());
            return new MemberContact(m.getId(), s.id(), s.email(), s.displayName());
        }).toList();
    }

    @Transactional(readOnly = true)
    public MemberView view(long memberId) {
        Member m = get(memberId);
        Subject s = subjects.get(m.getSubjectId());
        return new MemberView(m.getId(), m.getStatus(), s.id(), s.displayName(), s.email(),
                profiles.find(s.id()).orElse(null), m.getOrganisationId(), m.isEssentialCommunications(), m.getJoinedAt());
    }

    /** Rectification (a data-subject request): the organisation the member joined through was recorded wrongly. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeOrganisation(long memberId, Long organisationId) {
        get(memberId).changeOrganisation(organisationId);
    }

    /** DSR-6: a deactivated member comes back within the retention period and is contactable again ({@link MemberReactivated}). */
    @Transactional
    public void reactivate(long memberId) {
        Member member = get(memberId);
        if (member.getStatus() != MemberStatus.ACTIVE) {
            member.reactivate();
            events.publishEvent(new MemberReactivated(memberId));
        }
    }

    /** DSR-6: past retention; the row (ids, status, dates) stays if whoever anonymised the person kept it. */
    @Transactional
    public void markAnonymised(long memberId) {
        members.findById(memberId).ifPresent(Member::markAnonymised);
    }

    @Transactional(readOnly = true)
    public Optional<MemberStatus> status(long memberId) {
        return members.findById(memberId).map(Member::getStatus);
    }

    /** Which of these data subjects are members, and in which state: one query for a batch of mails. */
    @Transactional(readOnly = true)
    public Map<Long, MemberStatus> statusesOfSubjects(Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, MemberStatus> statuses = new java.util.HashMap<>();
        jdbc.query("SELECT subject_id, status FROM member WHERE subject_id IN (:subjects)",
                new MapSqlParameterSource("subjects", subjectIds.stream().distinct().toList()),
                rs -> {
                    statuses.put(rs.getLong("subject_id"), MemberStatus.valueOf(rs.getString("status")));
                });
        return statuses;
    }

    private Member get(long memberId) {
        return members.findById(memberId).orElseThrow(() -> new NotFoundException("No member " + memberId));
    }
}
