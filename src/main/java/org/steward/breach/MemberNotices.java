package org.steward.breach;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.MemberContact;
import org.steward.members.Members;
import org.steward.system.NotFoundException;

/**
 * The member notice (BRE-5): who gets it, fixed once in incident_member_notice in chunks of member
 * ids, then queued one chunk per job. Who is a contactable member is the members module's answer.
 */
@Service
public class MemberNotices {

    /** Member notices are queued this many member ids at a time, one short job each (BRE-5). */
    public static final int MEMBER_CHUNK_SIZE = 1000;

    private final Incidents incidents;
    private final IncidentReportRepository reports;
    private final Members members;
    private final MailOutbox outbox;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    MemberNotices(Incidents incidents, IncidentReportRepository reports, Members members, MailOutbox outbox,
                  NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.incidents = incidents;
        this.reports = reports;
        this.members = members;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Fixes who gets the member notice (BRE-5): the listed members and every member of the named
     * organisations, except those who cannot be contacted (deactivated). A retried step adds nobody twice.
     */
    @Transactional
    public int selectMemberNoticeRecipients(long incidentId) {
        Incident incident = incidents.get(incidentId);
        MapSqlParameterSource incidentParam = new MapSqlParameterSource("incident", incidentId);
        Set<Long> selected = new HashSet<>(jdbc.queryForList(
                "SELECT member_id FROM incident_member_notice WHERE incident_id = :incident", incidentParam, Long.class));
        List<Long> recipients = members.noticeRecipients(incident.getListedMemberIds(), incident.getAllMembersOfOrganisationIds())
                .stream().filter(id -> !selected.contains(id)).toList();
        for (int from = 0; from < recipients.size(); from += MEMBER_CHUNK_SIZE) {
            insertRecipients(incidentId, recipients.subList(from, Math.min(from + MEMBER_CHUNK_SIZE, recipients.size())));
        }
        return recipients.size();
    }

    /** One multi-row INSERT per thousand recipients: fast on every database, with or without batch rewriting. */
    private void insertRecipients(long incidentId, List<Long> memberIds) {
        StringBuilder sql = new StringBuilder("INSERT INTO incident_member_notice (incident_id, member_id, chunk) VALUES ");
        List<Object> args = new ArrayList<>(memberIds.size() * 3);
        for (Long memberId : memberIds) {
            sql.append(args.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
            args.add(incidentId);
            args.add(memberId);
            args.add(memberId / MEMBER_CHUNK_SIZE);
        }
        jdbc.getJdbcTemplate().update(sql.toString(), args.toArray());
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
        Incident incident = incidents.get(incidentId);
        IncidentReport notice = reports.findById(memberNoticeId)
                .orElseThrow(() -> new NotFoundException("No member notice " + memberNoticeId));
        MapSqlParameterSource params = new MapSqlParameterSource("incident", incidentId).addValue("chunk", chunk);
        List<Long> waiting = jdbc.queryForList("""
                SELECT member_id FROM incident_member_notice
                WHERE incident_id = :incident AND chunk = :chunk AND queued_at IS NULL ORDER BY member_id""", params, Long.class);
        List<MemberContact> recipients = members.contactable(waiting);
        if (recipients.isEmpty()) {
            return 0;
        }
        String message = notice.getParts().get("memberMessage");
        List<Mail> mails = new ArrayList<>(recipients.size());
        for (MemberContact recipient : recipients) {
            mails.add(new Mail("incident-%d-member-notice-member-%d".formatted(incidentId, recipient.memberId()),
                    "member:" + recipient.memberId(), "incident-member-notice", recipient.email(),
                    Map.of("name", recipient.name(), "message", message, "dataCategories", incident.getDataCategories(),
                            "incidentId", incidentId)).withRole(RecipientRole.MEMBER).toSubject(recipient.subjectId()));
        }
        int queued = outbox.enqueueAll(mails);
        // One batched update by primary key: an IN list of a thousand ids made H2 walk every recipient.
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                UPDATE incident_member_notice SET queued_at = :now
                WHERE incident_id = :incident AND member_id = :member AND queued_at IS NULL""",
                recipients.stream().map(recipient -> new MapSqlParameterSource("incident", incidentId)
                        .addValue("member", recipient.memberId()).addValue("now", now)).toArray(MapSqlParameterSource[]::new));
        return queued;
    }
}
