package org.steward.members;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An employer or community organisation members join through (the register staff keep). */
@Entity
@Table(name = "member_organisation")
public class MemberOrganisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String website;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected MemberOrganisation() {
    }

    public MemberOrganisation(String name, String website, Instant now) {
        this.name = name;
        this.website = website;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String name, String website, Instant now) {
        this.name = name;
        this.website = website;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getWebsite() { return website; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
