package org.steward.application;

import java.time.Instant;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.steward.application.ApplicationProcess.Decision;
import org.steward.members.Profile;

/** A membership application, from submission to the staff decision (APP-1, APP-5). */
@Entity
@Table(name = "application")
public class Application {

    public enum Status { AWAITING_REFERENCES, MORE_INFORMATION_REQUESTED, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Embedded
    private Profile profile;
    /** The email while undecided; unique, so one address has one pending application (APP-7). */
    private String pendingEmail;
    private Long organisationId;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private String decisionReason;
    private String decidedBy;
    private Instant decidedAt;
    private String moreInfoQuestion;
    private String moreInfoAnswer;
    private Instant moreInfoAnsweredAt;
    private Long memberId;
    private Instant submittedAt;
    @Version
    private long version;

    protected Application() {
    }

    Application(Profile profile, Long organisationId, Instant submittedAt) {
        this.status = Status.AWAITING_REFERENCES;
        this.profile = profile;
        this.pendingEmail = profile.getEmail();
        this.organisationId = organisationId;
        this.submittedAt = submittedAt;
    }

    /** The reviewer's decision (APP-5); the steps that carry it out follow in the process. */
    void recordDecision(Decision decision, String reason, String staffUser, Instant now) {
        this.decision = decision;
        this.decisionReason = reason;
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
        this.pendingEmail = null;
    }

    void reject() {
        this.status = Status.REJECTED;
        this.pendingEmail = null;
    }

    boolean isDecided() {
        return status == Status.APPROVED || status == Status.REJECTED;
    }

    public Long getId() { return id; }
    public Status getStatus() { return status; }
    public Profile getProfile() { return profile; }
    public Long getOrganisationId() { return organisationId; }
    public Decision getDecision() { return decision; }
    public String getDecisionReason() { return decisionReason; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getMoreInfoQuestion() { return moreInfoQuestion; }
    public String getMoreInfoAnswer() { return moreInfoAnswer; }
    public Instant getMoreInfoAnsweredAt() { return moreInfoAnsweredAt; }
    public Long getMemberId() { return memberId; }
    public Instant getSubmittedAt() { return submittedAt; }
}
