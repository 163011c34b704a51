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

import org.steward.application.ApplicationProcess.Decision;

/**
 * A membership application, from submission to the staff decision (APP-1, APP-5). The applicant is a
 * data subject; what they told us about themselves is their profile, stored once (members.Profiles).
 */
@Entity
@Table(name = "application")
class Application {

    /**
     * Where the application stands. Only the applicant's own address hears from us until they confirm it
     * (issue 7 finding 6); UNDER_REVIEW while a review task is open (finding 11).
     */
    enum Status {
        AWAITING_EMAIL_CONFIRMATION, AWAITING_REFERENCES, UNDER_REVIEW, MORE_INFORMATION_REQUESTED, APPROVED, REJECTED;

        boolean isDecided() {
            return this == APPROVED || this == REJECTED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Status status;
    private long subjectId;
    /** The applicant while undecided; unique, so one person has one pending application (APP-7). */
    private Long pendingSubjectId;
    private Long organisationId;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private String decisionReason;
    /** AUD-2: the reason's category, for the auditors (the reason itself is free text and stays here). */
    private String decisionCategory;
    private String decidedBy;
    private Instant decidedAt;
    private String moreInfoQuestion;
    private String moreInfoAnswer;
    private Instant moreInfoAnsweredAt;
    private Long memberId;
    private Instant submittedAt;
    private Instant emailConfirmedAt;
    @Version
    private long version;

    protected Application() {
    }

    Application(long subjectId, Long organisationId, Instant submittedAt) {
        this.status = Status.AWAITING_EMAIL_CONFIRMATION;
        this.subjectId = subjectId;
        this.pendingSubjectId = subjectId;
        this.organisationId = organisationId;
        this.submittedAt = submittedAt;
    }

    /**
     * The applicant used the confirmation link: referees may now be contacted.
     *
     * @return false if the address was confirmed already (nothing changes)
     */
    boolean confirmEmail(Instant now) {
        if (status != Status.AWAITING_EMAIL_CONFIRMATION) {
            return false;
        }
        this.status = Status.AWAITING_REFERENCES;
        this.emailConfirmedAt = now;
        return true;
    }

    /** A review task opens: after the references, and again after each question to the applicant. */
    void openReview() {
        this.status = Status.UNDER_REVIEW;
    }

    /** The reviewer's decision (APP-5); the steps that carry it out follow in the process. */
    void recordDecision(Decision decision, String reason, ApplicationProcess.ReasonCategory category, String staffUser, Instant now) {
        this.decision = decision;
        this.decisionReason = reason;
        this.decisionCategory = category == null ? null : category.name();
        this.decidedBy = staffUser;
        this.decidedAt = now;
    }

    /** The decision's reason is the question put to the applicant. */
    void requestMoreInformation() {
        this.status = Status.MORE_INFORMATION_REQUESTED;
        this.moreInfoQuestion = decisionReason;
        this.moreInfoAnswer = null;
        this.moreInfoAnsweredAt = null;
    }

    void recordAnswer(String answer, Instant now) {
        this.moreInfoAnswer = answer;
        this.moreInfoAnsweredAt = now;
    }

    void approve(long memberId) {
        this.status = Status.APPROVED;
        this.memberId = memberId;
        this.pendingSubjectId = null;
    }

    void reject() {
        this.status = Status.REJECTED;
        this.pendingSubjectId = null;
    }

    Long getId() { return id; }
    Status getStatus() { return status; }
    long getSubjectId() { return subjectId; }
    Long getOrganisationId() { return organisationId; }
    Decision getDecision() { return decision; }
    String getDecisionReason() { return decisionReason; }
    String getDecidedBy() { return decidedBy; }
    Instant getDecidedAt() { return decidedAt; }
    String getMoreInfoQuestion() { return moreInfoQuestion; }
    String getMoreInfoAnswer() { return moreInfoAnswer; }
    Instant getMoreInfoAnsweredAt() { return moreInfoAnsweredAt; }
    Long getMemberId() { return memberId; }
    Instant getSubmittedAt() { return submittedAt; }
    Instant getEmailConfirmedAt() { return emailConfirmedAt; }
}
