package org.steward.members;

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

/** An admitted member of the community. */
@Entity
@Table(name = "member")
public class Member {

    public enum Status { ACTIVE, DEACTIVATED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Embedded
    private Profile profile;
    private Long organisationId;
    /** Joining opts the member in to essential program communications (APP-6). */
    private boolean essentialCommunications;
    private Instant joinedAt;
    @Version
    private long version;

    protected Member() {
    }

    public Member(Profile profile, Long organisationId, Instant joinedAt) {
        this.status = Status.ACTIVE;
        this.profile = profile;
        this.organisationId = organisationId;
        this.essentialCommunications = true;
        this.joinedAt = joinedAt;
    }

    public Long getId() { return id; }
    public Status getStatus() { return status; }
    public Profile getProfile() { return profile; }
    public Long getOrganisationId() { return organisationId; }
    public boolean isEssentialCommunications() { return essentialCommunications; }
    public Instant getJoinedAt() { return joinedAt; }
}
