package org.steward.audit.view;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.steward.audit.ConsentStates;
import org.steward.audit.ConsentStates.PurposeState;

/**
 * Consent state by purpose (AUD-4, CON-1 to CON-3): per purpose, the consents given now, and in the period the
 * grants, renewals, withdrawals, expiries and the renewals falling due. Counts only.
 */
@Service
class ConsentReport {

    static final List<String> HEADER = List.of("purpose", "current_grants", "granted", "renewed", "withdrawn", "expired",
            "renewals_due");

    static List<Object> fields(PurposeState s) {
        return List.of(s.purpose(), s.currentGrants(), s.granted(), s.renewed(), s.withdrawn(), s.expired(), s.renewalsDue());
    }

    private final List<ConsentStates> sources;
    private final Clock clock;

    ConsentReport(List<ConsentStates> sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    List<PurposeState> rows(Period period) {
        List<PurposeState> rows = new ArrayList<>();
        sources.forEach(source -> rows.addAll(source.byPurpose(period.start(), period.end(), clock.instant())));
        return rows;
    }
}
