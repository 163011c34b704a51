package org.steward.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.consent.ConsentLedger.Expiring;
import org.steward.consent.ExpiryDays.ExpiryDay;
import org.steward.links.ValidLink;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.members.MemberContact;
import org.steward.members.Members;

/**
 * CON-3: consents expire (12 months by default, per purpose); a renewal request goes 30 days before,
 * a reminder 7 days before, and at expiry what was not renewed lapses. ConsentRenewalProcess runs this
 * once per expiry day, in chunks of member ids (one short job each), so a day on which 100,000
 * consents expire costs one waiting timer and a hundred jobs per step.
 */
@Service
public class ConsentRenewals {

    /** Members per chunk job: ids {@code chunk * 1000} to {@code chunk * 1000 + 999}. */
    public static final int CHUNK_SIZE = 1000;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public enum Step { REQUEST, REMINDER }

    /** What the renewal page shows: the consents the member gives now, and until when. */
    public record RenewalView(String name, List<PurposeUntil> consents) {
    }

    public record PurposeUntil(String purpose, String label, Instant expiresAt) {

        /** "12 March 2027" (UTC), for the page. */
        public String expiresOn() {
            return DAY.format(expiresAt.atZone(ZoneOffset.UTC));
        }
    }

    private final ExpiryDays days;
    private final ConsentLedger ledger;
    private final Purposes purposes;
    private final Members members;
    private final MailOutbox outbox;
    private final ConsentLinks links;
    private final ConsentProperties settings;
    private final EngineClock clock;

    ConsentRenewals(ExpiryDays days, ConsentLedger ledger, Purposes purposes, Members members, MailOutbox outbox,
                    ConsentLinks links, ConsentProperties settings, EngineClock clock) {
        this.days = days;
        this.ledger = ledger;
        this.purposes = purposes;
        this.members = members;
        this.outbox = outbox;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    // --- the three timers of an expiry day ---

    @Transactional(readOnly = true)
    public Instant renewalRequestAt(long dayId) {
        return startOf(days.get(dayId).day()).atOffset(ZoneOffset.UTC).minus(settings.renewalRequestBefore()).toInstant();
    }

    @Transactional(readOnly = true)
    public Instant reminderAt(long dayId) {
        return startOf(days.get(dayId).day()).atOffset(ZoneOffset.UTC).minus(settings.reminderBefore()).toInstant();
    }

    /** The lapse runs when the expiry day is over; each consent counts as not given from its own expiry instant. */
    @Transactional(readOnly = true)
    public Instant lapseAt(long dayId) {
        return startOf(days.get(dayId).day().plusDays(1));
    }

    // --- the steps, one chunk of member ids at a time ---

    /** The chunks of member ids with a given consent ending on this day, now: one job each. */
    @Transactional(readOnly = true)
    public List<Long> chunks(long dayId) {
        TreeSet<Long> chunks = new TreeSet<>();
        ledger.membersExpiringOn(days.get(dayId).day()).forEach(member -> chunks.add(member / CHUNK_SIZE));
        return new ArrayList<>(chunks);
    }

    /**
     * Emails each member of the chunk whose consents end on this day (and who has not renewed or
     * withdrawn since) one renewal request or reminder naming those purposes, with a link to renew them
     * in one POST. A retried chunk queues nothing twice.
     */
    @Transactional
    public int sendRenewalMail(long dayId, long chunk, Step step) {
        ExpiryDay day = days.get(dayId);
        Map<Long, List<String>> expiring = byMember(ledger.expiringOn(day.day(), chunk * CHUNK_SIZE, chunk * CHUNK_SIZE + CHUNK_SIZE - 1));
        List<MemberContact> recipients = members.contactable(expiring.keySet());
        if (recipients.isEmpty()) {
            return 0;
        }
        Map<String, String> labels = labels();
        List<String> renewUrls = links.issueAll(ConsentLinks.RENEWAL, "renew",
                recipients.stream().map(MemberContact::memberId).toList(), ConsentLinks.until(clock.now(), lapseAt(dayId)));
        String template = step == Step.REQUEST ? "consent-renewal-request" : "consent-renewal-reminder";
        List<Mail> mails = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            MemberContact member = recipients.get(i);
            mails.add(new Mail("consent-%d-renewal-%s-member-%d".formatted(dayId, step.name().toLowerCase(Locale.ROOT), member.memberId()),
                    PreferencesLinks.subjectRef(member.memberId()), template, member.email(),
                    Map.of("name", member.name(), "purposes", expiring.get(member.memberId()).stream().map(labels::get).toList(),
                            "expiresOn", DAY.format(day.day()), "renewUrl", renewUrls.get(i))).withRole(RecipientRole.MEMBER).toSubject(member.subjectId()));
        }
        return outbox.enqueueAll(mails);
    }

    /** CON-3: at expiry, the consents of this chunk not renewed lapse and count as not given. */
    @Transactional
    public int lapse(long dayId, long chunk) {
        ExpiryDay day = days.get(dayId);
        List<Expiring> unrenewed = ledger.expiringOn(day.day(), chunk * CHUNK_SIZE, chunk * CHUNK_SIZE + CHUNK_SIZE - 1);
        return ledger.lapse(unrenewed, "system:consent-" + dayId);
    }

    @Transactional
    public void close(long dayId) {
        days.close(dayId);
    }

    // --- the renewal page (GET shows, POST renews) ---

    @Transactional(readOnly = true)
    public RenewalView renewalPage(String token) {
        ValidLink link = links.check(ConsentLinks.RENEWAL, token);
        return view(link.subjectId());
    }

    /** One POST renews every consent the member gives, for another full period (CON-3). */
    @Transactional
    public RenewalView renew(String token) {
        long memberId = links.consume(ConsentLinks.RENEWAL, token).subjectId();
        ledger.renewAll(memberId, Channel.RENEWAL_LINK, ConsentLinks.evidence(ConsentLinks.RENEWAL, token), "member");
        return view(memberId);
    }

    private RenewalView view(long memberId) {
        Map<String, String> labels = labels();
        List<PurposeUntil> given = new ArrayList<>();
        ledger.current(memberId).forEach((purpose, consent) -> {
            if (consent.granted()) {
                given.add(new PurposeUntil(purpose, labels.get(purpose), consent.expiresAt()));
            }
        });
        return new RenewalView(members.view(memberId).name(), given);
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        purposes.all().forEach(p -> labels.put(p.code(), p.label()));
        return labels;
    }

    private static Map<Long, List<String>> byMember(List<Expiring> consents) {
        Map<Long, List<String>> byMember = new LinkedHashMap<>();
        consents.forEach(c -> byMember.computeIfAbsent(c.memberId(), m -> new ArrayList<>()).add(c.purpose()));
        return byMember;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
