package org.steward.members;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The one stored copy of what a person tells us about themselves (APP-1), keyed by their subject id. */
@Entity
@Table(name = "member_profile")
class MemberProfile {

    @Id
    private Long subjectId;
    @Enumerated(EnumType.STRING)
    private MemberKind kind;
    private String phone;
    private String postalCode;
    private String city;
    private String industry;
    private String expertise;
    private String businessName;
    private Integer yearsOfExperience;
    private String languages;
    // Demographics: confidential, never shown publicly (APP-1).
    private Integer birthYear;
    private String gender;
    private String ethnicity;
    private String countryOfOrigin;
    private Instant updatedAt;
    @Version
    private Long version; // a wrapper, so that a new profile (its id is the subject id) is persisted, not merged

    protected MemberProfile() {
    }

    MemberProfile(long subjectId) {
        this.subjectId = subjectId;
    }

    void replace(Profile p, Instant now) {
        this.kind = p.kind();
        this.phone = p.phone();
        this.postalCode = p.postalCode();
        this.city = p.city();
        this.industry = p.industry();
        this.expertise = p.expertise();
        this.businessName = p.businessName();
        this.yearsOfExperience = p.yearsOfExperience();
        this.languages = p.languages();
        this.birthYear = p.birthYear();
        this.gender = p.gender();
        this.ethnicity = p.ethnicity();
        this.countryOfOrigin = p.countryOfOrigin();
        this.updatedAt = now;
    }

    Long getSubjectId() {
        return subjectId;
    }

    Profile toProfile() {
        return new Profile(kind, phone, postalCode, city, industry, expertise, businessName, yearsOfExperience,
                languages, birthYear, gender, ethnicity, countryOfOrigin);
    }
}
