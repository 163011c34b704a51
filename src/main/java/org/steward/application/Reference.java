package org.steward.application;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One referee's reference for one application (APP-3). The referee is a data subject, named here
 * only for the check: {@link #reduce} keeps the non-identifying outcome once the application is
 * decided (APP-4), and the caller then forgets the subject unless they are more to us than a referee.
 */
@Entity
@Table(name = "reference_check")
class Reference {

    enum Status { REQUESTED, RECEIVED, EXPIRED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long applicationId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long refereeSubjectId;
    private String relationship;
    @Enumerated(EnumType.STRING)
    private Recommendation recommendation;
    private Integer knownForYears;
    private String comments;
    private Instant requestedAt;
    private Instant remindedAt;
    private Instant respondedAt;
    private Instant reducedAt;
    @Version
    private long version;

    protected Reference() {
    }

    Reference(long applicationId, long refereeSubjectId, String relationship, Instant now) {
        this.applicationId = applicationId;
        this.status = Status.REQUESTED;
        this.refereeSubjectId = refereeSubjectId;
        this.relationship = relationship;
        this.requestedAt = now;
    }

    void remind(Instant now) {
        this.remindedAt = now;
    }

    void receive(Recommendation recommendation, Integer knownForYears, String comments, Instant now) {
        this.status = Status.RECEIVED;
        this.recommendation = recommendation;
        this.knownForYears = knownForYears;
        this.comments = comments;
        this.respondedAt = now;
    }

    /** @return true if the reference was still awaited and is now expired */
    boolean expire() {
        if (status != Status.REQUESTED) {
            return false;
        }
        status = Status.EXPIRED;
        return true;
    }

    /**
     * The referee asked for their data to be removed (APP-4): nothing about them stays.
     *
     * @return the referee's subject id, for the caller to forget, or null if already removed
     */
    Long removeRefereeData(Instant now) {
        if (status == Status.REQUESTED) {
            status = Status.WITHDRAWN;
        }
        this.recommendation = null;
        this.knownForYears = null;
        return reduce(now);
    }

    /**
     * Keeps only the non-identifying outcome: status and recommendation.
     *
     * @return the referee's subject id, for the caller to forget, or null if already reduced
     */
    Long reduce(Instant now) {
        Long referee = refereeSubjectId;
        this.refereeSubjectId = null;
        this.relationship = null;
        this.comments = null;
        if (reducedAt == null) {
            this.reducedAt = now;
        }
        return referee;
    }

    boolean isAwaited() {
        return status == Status.REQUESTED;
    }

    /** Only the non-identifying outcome is left: the application was decided, or the referee removed their data. */
    boolean isReduced() {
        return reducedAt != null;
    }

    Long getId() { return id; }
    long getApplicationId() { return applicationId; }
    Status getStatus() { return status; }
    Long getRefereeSubjectId() { return refereeSubjectId; }
    String getRelationship() { return relationship; }
    Recommendation getRecommendation() { return recommendation; }
    Integer getKnownForYears() { return knownForYears; }
    String getComments() { return comments; }
    Instant getRespondedAt() { return respondedAt; }
}
