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
 * One referee's reference for one application (APP-3). Who the referee is exists only for the
 * check: {@link #reduce} keeps the non-identifying outcome once the application is decided (APP-4).
 */
@Entity
@Table(name = "reference_check")
public class Reference {

    public enum Status { REQUESTED, RECEIVED, EXPIRED, WITHDRAWN }

    public enum Recommendation { RECOMMEND, RECOMMEND_WITH_RESERVATIONS, DO_NOT_RECOMMEND }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long applicationId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String refereeName;
    private String refereeEmail;
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

    Reference(long applicationId, String refereeName, String refereeEmail, String relationship, Instant now) {
        this.applicationId = applicationId;
        this.status = Status.REQUESTED;
        this.refereeName = refereeName;
        this.refereeEmail = refereeEmail;
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

    /** The referee asked for their data to be removed (APP-4): nothing about them stays. */
    void removeRefereeData(Instant now) {
        if (status == Status.REQUESTED) {
            status = Status.WITHDRAWN;
        }
        reduce(now);
        this.recommendation = null;
        this.knownForYears = null;
    }

    /** Keeps only the non-identifying outcome: status and recommendation. */
    void reduce(Instant now) {
        this.refereeName = null;
        this.refereeEmail = null;
        this.relationship = null;
        this.comments = null;
        if (reducedAt == null) {
            this.reducedAt = now;
        }
    }

    boolean isAwaited() {
        return status == Status.REQUESTED;
    }

    public Long getId() { return id; }
    public long getApplicationId() { return applicationId; }
    public Status getStatus() { return status; }
    public String getRefereeName() { return refereeName; }
    public String getRefereeEmail() { return refereeEmail; }
    public String getRelationship() { return relationship; }
    public Recommendation getRecommendation() { return recommendation; }
    public Integer getKnownForYears() { return knownForYears; }
    public String getComments() { return comments; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public Instant getRespondedAt() { return respondedAt; }
    public Instant getReducedAt() { return reducedAt; }
}
