package org.steward.privacy.requests;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steward.operations.OpenDeadlines;

/** Verified requests whose 30-day answer (DSR-3) is still due, for the operators' metrics (issue 14). */
@Component
class RequestOpenDeadlines implements OpenDeadlines {

    private final RequestRecords records;

    RequestOpenDeadlines(RequestRecords records) {
        this.records = records;
    }

    @Override
    public String process() {
        return DataSubjectRequestProcess.KEY;
    }

    @Override
    @Transactional(readOnly = true)
    public long dueBetween(Instant from, Instant to) {
        return records.countInReviewDueBetween(from, to);
    }
}
