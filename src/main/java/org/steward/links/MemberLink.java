package org.steward.links;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A link we emailed. The token itself is never stored, only its SHA-256. */
@Entity
@Table(name = "member_link")
class MemberLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String tokenHash;
    private String purpose;
    private long subjectId;
    private Instant expiresAt;
    private Instant usedAt;
    private Instant createdAt;

    protected MemberLink() {
    }

    MemberLink(String tokenHash, String purpose, long subjectId, Instant expiresAt, Instant createdAt) {
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.subjectId = subjectId;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    String getPurpose() { return purpose; }
    long getSubjectId() { return subjectId; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getUsedAt() { return usedAt; }
}
