package org.steward.members;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An admitted member of the community. Who they are lives in data_subject, their profile in member_profile. */
@Entity
@Table(name = "member")
class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long subjectId;
    @Enumerated(EnumType.STRING)
    private MemberStatus status;
    private Long organisationId;
    /** Joining opts the member in to essential program communications (APP-6). */
    private boolean essentialCommunications;
    private Instant joinedAt;
    @Version
    private long version;

    protected Member() {
    }

    Member(long subjectId, Long organisationId, Instant joinedAt) {
        this.subjectId = subjectId;
        this.status = MemberStatus.ACTIVE;
        this.organisationId = organisationId;
        this.essentialCommunications = true;
        this.joinedAt = joinedAt;
    }

    void deactivate() {
        this.status = MemberStatus.DEACTIVATED;
    }

    /** DSR-6: back within the retention period. */
    void reactivate() {
        this.status = MemberStatus.ACTIVE;
    }

    /** DSR-6: the retention period ended; what stays of the row names nobody. */
    void markAnonymised() {
        this.status = MemberStatus.ANONYMISED;
    }

    /** Rectification: the member joined through another organisation, or none. */
    void changeOrganisation(Long organisationId) {
        this.organisationId = organisationId;
    }

    boolean isContactable() {
        return status == MemberStatus.ACTIVE;
    }

    Long getId() { return id; }
    long getSubjectId() { return subjectId; }
    MemberStatus getStatus() { return status; }
    Long getOrganisationId() { return organisationId; }
    boolean isEssentialCommunications() { return essentialCommunications; }
    Instant getJoinedAt() { return joinedAt; }
}
