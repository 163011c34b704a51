package org.steward.privacy.requests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.privacy.requests.DataSubjectRequestProcess.Decision;
import org.steward.subjects.DataSubjects;
import org.steward.subjects.Subject;

/**
 * What the privacy officer's review form shows (issue 10, "Handling in Tasklist"): the request, what the
 * requester wrote, and what the register of personal data finds for the address, read by id from our
 * tables when the form opens, never copied into the engine.
 */
@Service
public class RequestReviews {

    public record Review(long id, RequestType type, RequestStatus status, String email, Instant receivedAt,
                         Instant verifiedAt, Instant dueAt, Instant extendedTo, List<Text> texts, List<Found> found) {
    }

    public record Text(String kind, String content, String writtenBy, Instant writtenAt) {
    }

    /** A place of the register that holds something about the person, with its rows. */
    public record Found(String place, int rows, List<Map<String, Object>> data) {
    }

    private final RequestRecords records;
    private final RequestExports exports;
    private final DataSubjects subjects;

    RequestReviews(RequestRecords records, RequestExports exports, DataSubjects subjects) {
        this.records = records;
        this.exports = exports;
        this.subjects = subjects;
    }

    @Transactional(readOnly = true)
    public Review review(long requestId) {
        RequestRecords.Row row = records.get(requestId);
        Long subjectId = row.subjectId() != null ? row.subjectId()
                : Optional.ofNullable(row.email()).flatMap(subjects::findByEmail).map(Subject::id).orElse(null);
        List<Found> found = exports.findings(subjectId).entrySet().stream()
                .map(e -> new Found(e.getKey(), e.getValue().size(), e.getValue())).toList();
        List<Text> texts = records.texts(requestId).stream()
                .map(t -> new Text(t.kind().name(), t.content(), t.writtenBy(), t.writtenAt())).toList();
        return new Review(row.id(), row.type(), row.status(), row.email(), row.receivedAt(), row.verifiedAt(), row.dueAt(),
                row.extendedTo(), texts, found);
    }

    /** Why the review task cannot be decided now, if it cannot: only a verified, open request is decided. */
    @Transactional(readOnly = true)
    public Optional<String> whyNotDecidable(long requestId, Decision decision) {
        RequestRecords.Row row = records.get(requestId);
        if (row.status() != RequestStatus.IN_REVIEW) {
            return Optional.of("this request is " + row.status().name().toLowerCase().replace('_', ' ') + ", not in review");
        }
        if (decision == Decision.APPROVE && row.type() == RequestType.ERASURE && row.email() == null) {
            return Optional.of("the address of this request is gone: there is nothing left to erase");
        }
        return Optional.empty();
    }

    /** "Review access request #12": the number and the type, never a name. */
    @Transactional(readOnly = true)
    public String title(long requestId) {
        return "Review " + records.get(requestId).type().label() + " request #" + requestId;
    }
}
