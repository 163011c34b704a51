package org.steward.consent;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.members.Members;

/**
 * The one question every use of a member's data beyond the program asks: may this member be processed
 * for this purpose now? Yes only while they are an active member and their consent is current
 * (CON-1 to CON-3). Newsletters, the outbox at dispatch, promotion releases and any later user of a
 * purpose ask here; the do-not-process check of DSR-8 (restriction) belongs in {@link #permitted}.
 */
@Service
public class ConsentCheck {

    private final ConsentLedger ledger;
    private final Members members;

    ConsentCheck(ConsentLedger ledger, Members members) {
        this.ledger = ledger;
        this.members = members;
    }

    /** May this member receive mail for, or otherwise be processed for, {@code purpose} now? */
    @Transactional(readOnly = true)
    public boolean mayProcess(long memberId, String purpose) {
        return permitted(purpose, List.of(memberId)).contains(memberId);
    }

    /**
     * Of these members, those who may be processed for {@code purpose} now: active (not deactivated) and
     * holding a current consent. Call it with a chunk (about a thousand ids) at a time.
     * TODO(DSR-8): leave out restricted members here once the do-not-process register exists.
     */
    @Transactional(readOnly = true)
    public Set<Long> permitted(String purpose, Collection<Long> memberIds) {
        Set<Long> consenting = ledger.holdersAmong(purpose, memberIds);
        if (consenting.isEmpty()) {
            return Set.of();
        }
        // Whom a mail may reach: active members (one query on ids, no contact details loaded).
        return new HashSet<>(members.noticeRecipients(consenting, List.of()));
    }
}
