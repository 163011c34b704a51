package org.steward.consent;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.members.Members;
import org.steward.privacy.ProcessingRestrictions;

/**
 * The one question every use of a member's data beyond the program asks: may this member be processed
 * for this purpose now? Yes only while they are an active member and their consent is current
 * (CON-1 to CON-3). Newsletters, the outbox at dispatch, promotion releases and any later user of a
 * purpose ask here. A member flagged do-not-process (DSR-8: restriction or objection) is processed for no
 * purpose, whatever they consented to: {@link #permitted} asks the one check in the privacy register.
 */
@Service
public class ConsentCheck {

    private final ConsentLedger ledger;
    private final Members members;
    private final ProcessingRestrictions restrictions;

    ConsentCheck(ConsentLedger ledger, Members members, ProcessingRestrictions restrictions) {
        this.ledger = ledger;
        this.members = members;
        this.restrictions = restrictions;
    }

    /** May this member receive mail for, or otherwise be processed for, {@code purpose} now? */
    @Transactional(readOnly = true)
    public boolean mayProcess(long memberId, String purpose) {
        return permitted(purpose, List.of(memberId)).contains(memberId);
    }

    /**
     * Of these members, those who may be processed for {@code purpose} now: active (not deactivated) and
     * holding a current consent, and not flagged do-not-process (DSR-8). Call it with a chunk (about a
     * thousand ids) at a time.
     */
    @Transactional(readOnly = true)
    public Set<Long> permitted(String purpose, Collection<Long> memberIds) {
        Set<Long> consenting = ledger.holdersAmong(purpose, memberIds);
        if (consenting.isEmpty()) {
            return Set.of();
        }
        // Whom a mail may reach: active members (one query on ids, no contact details loaded).
        List<Long> active = members.noticeRecipients(consenting, List.of());
        if (active.isEmpty()) {
            return Set.of();
        }
        Map<Long, Long> subjects = members.subjectIdsOf(active);
        Set<Long> processable = new HashSet<>(restrictions.processable(subjects.values().stream().distinct().toList()));
        Set<Long> permitted = new HashSet<>();
        for (Long memberId : active) {
            if (processable.contains(subjects.get(memberId))) {
                permitted.add(memberId);
            }
        }
        return permitted;
    }
}
