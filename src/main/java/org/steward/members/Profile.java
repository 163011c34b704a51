package org.steward.members;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What a person tells us about themselves (APP-1): kind, contact, profile and the optional,
 * confidential demographics. An application holds one; approval copies it to the member.
 */
@Embeddable
public class Profile {

    @Enumerated(EnumType.STRING)
    private MemberKind kind;
    private String name;
    private String email;
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

    protected Profile() {
    }

    public Profile(MemberKind kind, String name, String email, String phone, String postalCode, String city,
                   String industry, String expertise, String businessName, Integer yearsOfExperience,
                   String languages, Integer birthYear, String gender, String ethnicity, String countryOfOrigin) {
        this.kind = kind;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.postalCode = postalCode;
        this.city = city;
        this.industry = industry;
        this.expertise = expertise;
        this.businessName = businessName;
        this.yearsOfExperience = yearsOfExperience;
        this.languages = languages;
        this.birthYear = birthYear;
        this.gender = gender;
        this.ethnicity = ethnicity;
        this.countryOfOrigin = countryOfOrigin;
    }

    public Profile copy() {
        return new Profile(kind, name, email, phone, postalCode, city, industry, expertise, businessName,
                yearsOfExperience, languages, birthYear, gender, ethnicity, countryOfOrigin);
    }

    public MemberKind getKind() { return kind; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getPostalCode() { return postalCode; }
    public String getCity() { return city; }
    public String getIndustry() { return industry; }
    public String getExpertise() { return expertise; }
    public String getBusinessName() { return businessName; }
    public Integer getYearsOfExperience() { return yearsOfExperience; }
    public String getLanguages() { return languages; }
    public Integer getBirthYear() { return birthYear; }
    public String getGender() { return gender; }
    public String getEthnicity() { return ethnicity; }
    public String getCountryOfOrigin() { return countryOfOrigin; }
}
