package org.steward.consent;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
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
import org.steward.members.Members;
import org.steward.privacy.ProcessingRestrictions;
import org.steward.system.NotFoundException;
import org.steward.tasks.CaseKey;

/**
 * CON-5: newsletters go only to members who consent to MARKETING now and may be processed for it
 * ({@link ConsentCheck}); each carries RFC 8058 one-click unsubscribe (List-Unsubscribe with an https
 * link and List-Unsubscribe-Post) and a preferences link, and is checked once more as it is sent
 * (CON-2). Recipients are fixed at submission and queued a thousand per job.
 */
@Service
public class Newsletters {

    public static final int CHUNK_SIZE = 1000;
    static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    /** RFC 8058 section 3.1: the one value of List-Unsubscribe-Post, and the body of the one-click POST. */
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    public record Submitted(long id, int recipients) {
    }

    /** The unsubscribe page: whose link, and whether they still receive newsletters. */
    public record UnsubscribeView(String name, boolean subscribed) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final ConsentLedger ledger;
    private final ConsentCheck check;
    private final Members members;
    private final MailOutbox outbox;
    private final ConsentLinks links;
    private final ConsentProperties settings;
    private final EngineClock clock;
    private final AuditTrail audit;
    private final ProcessingRestrictions restrictions;

    Newsletters(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, ConsentLedger ledger, ConsentCheck check,
                Members members, MailOutbox outbox, ConsentLinks links, ConsentProperties settings, EngineClock clock,
                AuditTrail audit, ProcessingRestrictions restrictions) {
        this.jdbc = jdbc;
        this.restrictions = restrictions;
        this.runtimeService = runtimeService;
        this.ledger = ledger;
        this.check = check;
        this.members = members;
        this.outbox = outbox;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Stores the newsletter and starts NewsletterProcess, whose first step fixes the recipients in this
     * transaction; queueing follows in jobs. @return the id and the number of recipients
     */
    @Transactional
    public Submitted submit(NewsletterRequest request, String staffUser) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO newsletter (subject, body, recipients, requested_by, requested_at)
                VALUES (:subject, :body, 0, :by, :now)""",
                new MapSqlParameterSource("subject", request.subject().trim()).addValue("body", request.text().strip())
                        .addValue("by", staffUser).addValue("now", Timestamp.from(clock.now())), key, new String[] {"id"});
        long id = key.getKey().longValue();
        runtimeService.startProcessInstanceByKey(ConsentProcesses.NEWSLETTER_KEY, CaseKey.of(ConsentProcesses.NEWSLETTER_CASE, id));
        int recipients = newsletter(id).recipients();
        audit.record(staffUser, "NEWSLETTER_SUBMITTED", CaseKey.of(ConsentProcesses.NEWSLETTER_CASE, id), "recipients=" + recipients);
        return new Submitted(id, recipients);
    }

    /** Task_SelectNewsletterRecipients: every member who may receive MARKETING now, in chunks of a thousand. */
    @Transactional
    public int selectRecipients(long newsletterId) {
        Integer selected = jdbc.queryForObject("SELECT COUNT(*) FROM newsletter_recipient WHERE newsletter_id = :id",
                new MapSqlParameterSource("id", newsletterId), Integer.class);
        if (selected != null && selected > 0) {
            return selected; // a retried step
        }
        List<Long> holders = ledger.holders(Purpose.MARKETING);
        int total = 0;
        long chunk = 0;
        for (int from = 0; from < holders.size(); from += CHUNK_SIZE) {
            List<Long> permitted = check.permitted(Purpose.MARKETING, holders.subList(from, Math.min(from + CHUNK_SIZE, holders.size())))
                    .stream().sorted().toList();
            if (!permitted.isEmpty()) {
                insertRecipients(newsletterId, permitted, chunk++);
                total += permitted.size();
            }
        }
        jdbc.update("UPDATE newsletter SET recipients = :n WHERE id = :id",
                new MapSqlParameterSource("n", total).addValue("id", newsletterId));
        return total;
    }

    @Transactional(readOnly = true)
    public List<Long> chunks(long newsletterId) {
        return jdbc.queryForList("SELECT DISTINCT chunk FROM newsletter_recipient WHERE newsletter_id = :id ORDER BY chunk",
                new MapSqlParameterSource("id", newsletterId), Long.class);
    }

    /**
     * Task_QueueNewsletters: one chunk into the outbox; a member deactivated since selection gets nothing,
     * nor one flagged do-not-process (DSR-8: restriction or objection means no marketing).
     */
    @Transactional
    public int queue(long newsletterId, long chunk) {
        Newsletter newsletter = newsletter(newsletterId);
        MapSqlParameterSource params = new MapSqlParameterSource("id", newsletterId).addValue("chunk", chunk);
        List<Long> waiting = jdbc.queryForList("""
                SELECT member_id FROM newsletter_recipient
                WHERE newsletter_id = :id AND chunk = :chunk AND queued_at IS NULL ORDER BY member_id""", params, Long.class);
        List<MemberContact> contactable = members.contactable(waiting);
        Set<Long> processable = new HashSet<>(restrictions.processable(contactable.stream().map(MemberContact::subjectId).toList()));
        List<MemberContact> recipients = contactable.stream().filter(c -> processable.contains(c.subjectId())).toList();
        if (recipients.isEmpty()) {
            return 0;
        }
        List<Long> memberIds = recipients.stream().map(MemberContact::memberId).toList();
        List<String> unsubscribe = links.issueAll(ConsentLinks.UNSUBSCRIBE, "unsubscribe", memberIds, settings.unsubscribeLinkValidity());
        List<String> invite = links.issueAll(ConsentLinks.INVITE, "invite", memberIds, settings.linkValidity());
        List<Mail> mails = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            MemberContact member = recipients.get(i);
            mails.add(new Mail("newsletter-%d-member-%d".formatted(newsletterId, member.memberId()),
                    PreferencesLinks.subjectRef(member.memberId()), "consent-newsletter", member.email(),
                    Map.of("name", member.name(), Mail.SUBJECT_ARGUMENTS, List.of(newsletter.subject()), "text", newsletter.body(),
                            "unsubscribeUrl", unsubscribe.get(i), "inviteUrl", invite.get(i))).withRole(RecipientRole.MEMBER)
                    .toSubject(member.subjectId())
                    .withHeaders(Map.of(LIST_UNSUBSCRIBE, "<" + unsubscribe.get(i) + ">", LIST_UNSUBSCRIBE_POST, ONE_CLICK))
                    .forConsentPurpose(Purpose.MARKETING));
        }
        int queued = outbox.enqueueAll(mails);
        // One primary-key update per queued member, batched: an IN list of a thousand ids next to the chunk made
        // H2 walk every recipient of the newsletter for each chunk (ConsentBenchmark, bench/README.md).
        Timestamp now = Timestamp.from(clock.now());
        jdbc.batchUpdate("""
                UPDATE newsletter_recipient SET queued_at = :now
                WHERE newsletter_id = :id AND member_id = :member AND queued_at IS NULL""",
                memberIds.stream().map(member -> new MapSqlParameterSource("id", newsletterId).addValue("member", member)
                        .addValue("now", now)).toArray(MapSqlParameterSource[]::new));
        return queued;
    }

    // --- unsubscribe (CON-5): the List-Unsubscribe URL; GET shows a page, POST withdraws MARKETING at once ---

    @Transactional(readOnly = true)
    public UnsubscribeView unsubscribePage(String token) {
        long memberId = links.check(ConsentLinks.UNSUBSCRIBE, token).subjectId();
        return new UnsubscribeView(members.view(memberId).name(), ledger.current(memberId).get(Purpose.MARKETING).granted());
    }

    /** CON-2, CON-5: the one-click POST (or the page's button) withdraws MARKETING at once. */
    @Transactional
    public void unsubscribe(String token) {
        long memberId = links.consume(ConsentLinks.UNSUBSCRIBE, token).subjectId();
        ledger.withdraw(memberId, Purpose.MARKETING, Channel.UNSUBSCRIBE_LINK, ConsentLinks.evidence(ConsentLinks.UNSUBSCRIBE, token), "member");
    }

    private record Newsletter(String subject, String body, int recipients) {
    }

    private Newsletter newsletter(long id) {
        List<Newsletter> found = jdbc.query("SELECT subject, body, recipients FROM newsletter WHERE id = :id",
                new MapSqlParameterSource("id", id), (rs, i) -> new Newsletter(rs.getString(1), rs.getString(2), rs.getInt(3)));
        if (found.isEmpty()) {
            throw new NotFoundException("No newsletter " + id);
        }
        return found.get(0);
    }

    /** One multi-row INSERT per thousand recipients. */
    private void insertRecipients(long newsletterId, List<Long> memberIds, long chunk) {
        StringBuilder sql = new StringBuilder("INSERT INTO newsletter_recipient (newsletter_id, member_id, chunk) VALUES ");
        List<Object> args = new ArrayList<>(memberIds.size() * 3);
        for (Long memberId : memberIds) {
            sql.append(args.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
            args.add(newsletterId);
            args.add(memberId);
            args.add(chunk);
        }
        jdbc.getJdbcTemplate().update(sql.toString(), args.toArray());
    }
}
