package org.steward.consent;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;
import org.steward.tasks.CaseKey;

/**
 * CON-6: privacy officers publish a new policy version whose effective date is at least 30 business
 * days (Monday to Friday) ahead; every member who is not deactivated and still takes program
 * communications is emailed; purposes the version adds are offered on the preferences page and used
 * for nobody who does not opt in. PolicyChangeProcess does the work, a thousand notices per job.
 */
@Service
public class PolicyChanges {

    public static final int CHUNK_SIZE = 1000;
    private static final Pattern PURPOSE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public record Published(long id, String version, LocalDate effectiveDate, List<String> newPurposes) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final Purposes purposes;
    private final Members members;
    private final MailOutbox outbox;
    private final ConsentProperties settings;
    private final EngineClock clock;
    private final AuditTrail audit;

    PolicyChanges(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, Purposes purposes, Members members,
                  MailOutbox outbox, ConsentProperties settings, EngineClock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.purposes = purposes;
        this.members = members;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /** The first date a policy published today may take effect: {@code n} business days ahead. */
    public static LocalDate earliestEffectiveDate(LocalDate today, int businessDays) {
        LocalDate date = today;
        int counted = 0;
        while (counted < businessDays) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return date;
    }

    /** Checks, stores and starts PolicyChangeProcess; stores nothing and says why when the request breaks a rule. */
    @Transactional
    public Published publish(PolicyRequest request, String officer) {
        String version = request.version().trim();
        List<String> newPurposes = new ArrayList<>(new LinkedHashSet<>(request.newPurposesOrEmpty().stream().map(String::trim).toList()));
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate earliest = earliestEffectiveDate(clock.today(), settings.policyNoticeBusinessDays());
        if (request.effectiveDate().isBefore(earliest)) {
            errors.put("effectiveDate", "must be at least " + settings.policyNoticeBusinessDays()
                    + " business days ahead so that every member can be told in time: " + earliest + " or later");
        }
        if (exists(version)) {
            errors.put("version", "version " + version + " is already published");
        }
        for (String code : newPurposes) {
            if (!PURPOSE_CODE.matcher(code).matches()) {
                errors.putIfAbsent("newPurposes", "a purpose is named by capital letters, digits and underscores (such as RESEARCH)");
            } else if (purposes.exists(code)) {
                errors.putIfAbsent("newPurposes", code + " is already a purpose");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO policy_version (version, effective_date, summary, new_purposes, status, published_by, published_at)
                VALUES (:version, :effective, :summary, :purposes, 'PUBLISHED', :by, :now)""",
                new MapSqlParameterSource("version", version).addValue("effective", Date.valueOf(request.effectiveDate()))
                        .addValue("summary", request.summary().strip()).addValue("purposes", String.join(",", newPurposes))
                        .addValue("by", officer).addValue("now", Timestamp.from(clock.now())), key, new String[] {"id"});
        long id = key.getKey().longValue();
        runtimeService.startProcessInstanceByKey(ConsentProcesses.POLICY_KEY, caseKey(id),
                Map.of(ConsentProcesses.ADDS_PURPOSE, !newPurposes.isEmpty()));
        audit.record(officer, "POLICY_PUBLISHED", caseKey(id),
                "version=" + version + " effectiveDate=" + request.effectiveDate() + " newPurposes=" + newPurposes);
        return new Published(id, version, request.effectiveDate(), newPurposes);
    }

    /** Task_OpenNewPurposes: the purposes this version adds become choices; nobody has opted in. */
    @Transactional
    public void openNewPurposes(long policyId) {
        Policy policy = get(policyId);
        for (String code : policy.newPurposes()) {
            purposes.add(code, policyId, policy.version(), clock.now());
        }
    }

    /** Task_SelectPolicyNoticeRecipients: every member still taking program communications, fixed now. */
    @Transactional
    public int selectRecipients(long policyId) {
        MapSqlParameterSource policy = new MapSqlParameterSource("policy", policyId);
        Integer selected = jdbc.queryForObject("SELECT COUNT(*) FROM policy_notice WHERE policy_id = :policy", policy, Integer.class);
        if (selected != null && selected > 0) {
            return selected;
        }
        List<Long> recipients = members.communicationRecipients();
        for (int from = 0, chunk = 0; from < recipients.size(); from += CHUNK_SIZE, chunk++) {
            List<Long> slice = recipients.subList(from, Math.min(from + CHUNK_SIZE, recipients.size()));
            StringBuilder sql = new StringBuilder("INSERT INTO policy_notice (policy_id, member_id, chunk) VALUES ");
            List<Object> args = new ArrayList<>(slice.size() * 3);
            for (Long memberId : slice) {
                sql.append(args.isEmpty() ? "(?, ?, ?)" : ", (?, ?, ?)");
                args.add(policyId);
                args.add(memberId);
                args.add(chunk);
            }
            jdbc.getJdbcTemplate().update(sql.toString(), args.toArray());
        }
        return recipients.size();
    }

    @Transactional(readOnly = true)
    public List<Long> chunks(long policyId) {
        return jdbc.queryForList("SELECT DISTINCT chunk FROM policy_notice WHERE policy_id = :policy ORDER BY chunk",
                new MapSqlParameterSource("policy", policyId), Long.class);
    }

    /** Task_QueuePolicyNotices: one chunk of notices; a member deactivated since selection gets none. */
    @Transactional
    public int queueNotices(long policyId, long chunk) {
        Policy policy = get(policyId);
        MapSqlParameterSource params = new MapSqlParameterSource("policy", policyId).addValue("chunk", chunk);
        List<Long> waiting = jdbc.queryForList("SELECT member_id FROM policy_notice WHERE policy_id = :policy AND chunk = :chunk "
                + "AND queued_at IS NULL ORDER BY member_id", params, Long.class);
        List<MemberContact> recipients = members.contactable(waiting);
        if (recipients.isEmpty()) {
            return 0;
        }
        List<String> newPurposeLabels = policy.newPurposes().stream().map(Purposes::label).toList();
        List<Mail> mails = new ArrayList<>(recipients.size());
        for (MemberContact member : recipients) {
            mails.add(new Mail(caseKey(policyId) + "-notice-member-" + member.memberId(), PreferencesLinks.subjectRef(member.memberId()),
                    "consent-policy-notice", member.email(), Map.of("name", member.name(), "version", policy.version(),
                    "effectiveDate", ConsentRenewals.DAY.format(policy.effectiveDate()), "summary", policy.summary(),
                    "newPurposes", newPurposeLabels)).withRole(RecipientRole.MEMBER).toSubject(member.subjectId()));
        }
        int queued = outbox.enqueueAll(mails);
        // One batched update by primary key: an IN list of a thousand ids made H2 walk every recipient.
        Timestamp now = Timestamp.from(clock.now());
        jdbc.batchUpdate("UPDATE policy_notice SET queued_at = :now WHERE policy_id = :policy AND member_id = :member "
                        + "AND queued_at IS NULL",
                recipients.stream().map(member -> new MapSqlParameterSource("policy", policyId)
                        .addValue("member", member.memberId()).addValue("now", now)).toArray(MapSqlParameterSource[]::new));
        return queued;
    }

    /** When the effective date begins (UTC): the timer of the process. */
    @Transactional(readOnly = true)
    public Instant effectiveAt(long policyId) {
        return get(policyId).effectiveDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Task_PutPolicyInForce: from today consents are given under this version. */
    @Transactional
    public void putInForce(long policyId) {
        if (jdbc.update("UPDATE policy_version SET status = 'IN_FORCE' WHERE id = :id AND status = 'PUBLISHED'",
                new MapSqlParameterSource("id", policyId)) == 1) {
            audit.record("system", "POLICY_IN_FORCE", caseKey(policyId), "version=" + get(policyId).version());
        }
    }

    private boolean exists(String version) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM policy_version WHERE version = :version",
                new MapSqlParameterSource("version", version), Integer.class);
        return count != null && count > 0;
    }

    private record Policy(String version, LocalDate effectiveDate, String summary, List<String> newPurposes) {
    }

    private Policy get(long policyId) {
        List<Policy> found = jdbc.query("SELECT version, effective_date, summary, new_purposes FROM policy_version WHERE id = :id",
                new MapSqlParameterSource("id", policyId), (rs, i) -> new Policy(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getString(3), rs.getString(4).isEmpty() ? List.of() : Arrays.asList(rs.getString(4).split(","))));
        if (found.isEmpty()) {
            throw new NotFoundException("There is no policy version " + policyId + ".");
        }
        return found.get(0);
    }

    static String caseKey(long policyId) {
        return CaseKey.of(ConsentProcesses.POLICY_CASE, policyId);
    }
}
