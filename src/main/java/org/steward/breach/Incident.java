package org.steward.breach;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A reported security incident (BRE-1) and the decisions taken on it. */
@Entity
@Table(name = "incident")
class Incident {

    public enum Status { OPEN, CLOSED_AT_TRIAGE, INVESTIGATION_COMPLETE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant discoveredAt;
    private Instant reportedAt;
    private String reportedBy;
    @Column(columnDefinition = "MEDIUMTEXT")
    private String summary;
    private String dataCategories;
    @Column(columnDefinition = "MEDIUMTEXT")
    private String closureReason;
    private Instant closedAt;
    private String closedBy;
    private Boolean supervisoryAuthorityNotified;
    @Column(columnDefinition = "MEDIUMTEXT")
    private String supervisoryAuthorityNote;
    private Instant supervisoryAuthorityRecordedAt;
    private Instant completedAt;
    @ElementCollection
    @CollectionTable(name = "incident_organisation", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "organisation_id")
    private Set<Long> organisationIds = new LinkedHashSet<>();
    @ElementCollection
    @CollectionTable(name = "incident_listed_member", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "member_id")
    private Set<Long> listedMemberIds = new LinkedHashSet<>();
    @ElementCollection
    @CollectionTable(name = "incident_all_members_of", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "organisation_id")
    private Set<Long> allMembersOfOrganisationIds = new LinkedHashSet<>();
    @Version
    private long version;

    protected Incident() {
    }

    Incident(Instant discoveredAt, String summary, String dataCategories, Set<Long> organisationIds,
             Set<Long> listedMemberIds, Set<Long> allMembersOfOrganisationIds, String reportedBy, Instant now) {
        this.status = Status.OPEN;
        this.discoveredAt = discoveredAt;
        this.summary = summary;
        this.dataCategories = dataCategories;
        this.organisationIds.addAll(organisationIds);
        this.listedMemberIds.addAll(listedMemberIds);
        this.allMembersOfOrganisationIds.addAll(allMembersOfOrganisationIds);
        this.reportedBy = reportedBy;
        this.reportedAt = now;
    }

    void closeAtTriage(String reason, String staffUser, Instant now) {
        this.status = Status.CLOSED_AT_TRIAGE;
        this.closureReason = reason;
        this.closedBy = staffUser;
        this.closedAt = now;
    }

    void completeInvestigation(Instant now) {
        this.status = Status.INVESTIGATION_COMPLETE;
        this.completedAt = now;
    }

    void recordSupervisoryAuthority(boolean notified, String note, Instant now) {
        this.supervisoryAuthorityNotified = notified;
        this.supervisoryAuthorityNote = note;
        this.supervisoryAuthorityRecordedAt = now;
    }

    public Long getId() { return id; }
    public Status getStatus() { return status; }
    public Instant getDiscoveredAt() { return discoveredAt; }
    public Instant getReportedAt() { return reportedAt; }
    public String getReportedBy() { return reportedBy; }
    public String getSummary() { return summary; }
    public String getDataCategories() { return dataCategories; }
    public String getClosureReason() { return closureReason; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedBy() { return closedBy; }
    public Boolean getSupervisoryAuthorityNotified() { return supervisoryAuthorityNotified; }
    public String getSupervisoryAuthorityNote() { return supervisoryAuthorityNote; }
    public Instant getCompletedAt() { return completedAt; }
    public Set<Long> getOrganisationIds() { return organisationIds; }
    public Set<Long> getListedMemberIds() { return listedMemberIds; }
    public Set<Long> getAllMembersOfOrganisationIds() { return allMembersOfOrganisationIds; }
}
