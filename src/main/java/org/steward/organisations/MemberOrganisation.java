package org.steward.organisations;

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
class MemberOrganisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String website;
    /** The nominated Information Security Officer and an alternate contact, for breach notices (BRE-2). */
    private String isoName;
    private String isoEmail;
    private String alternateName;
    private String alternateEmail;
    /** DSR-5: whether the organisation administers its members, and whom it names to be told of their requests. */
    private boolean administersMembers;
    private String administratorName;
    private String administratorEmail;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected MemberOrganisation() {
    }

    MemberOrganisation(String name, String website, Instant now) {
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

    void updateSecurityContacts(String isoName, String isoEmail, String alternateName, String alternateEmail, Instant now) {
        this.isoName = isoName;
        this.isoEmail = isoEmail;
        this.alternateName = alternateName;
        this.alternateEmail = alternateEmail;
        this.updatedAt = now;
    }

    void updateAdministrator(boolean administersMembers, String name, String email, Instant now) {
        this.administersMembers = administersMembers;
        this.administratorName = name;
        this.administratorEmail = email;
        this.updatedAt = now;
    }

    /** True when at least one contact can receive breach notices. */
    public boolean hasSecurityContact() {
        return isoEmail != null || alternateEmail != null;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getWebsite() { return website; }
    public String getIsoName() { return isoName; }
    public String getIsoEmail() { return isoEmail; }
    public String getAlternateName() { return alternateName; }
    public String getAlternateEmail() { return alternateEmail; }
    public boolean isAdministersMembers() { return administersMembers; }
    public String getAdministratorName() { return administratorName; }
    public String getAdministratorEmail() { return administratorEmail; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
