package org.steward.application.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.steward.application.ApplicationRequest;
import org.steward.members.MemberKind;

/** The /apply page's form: one referee slot per referee allowed (three by default), languages as one comma-separated field. */
public class ApplyForm {

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
    private Long organisationId;
    private Integer birthYear;
    private String gender;
    private String ethnicity;
    private String countryOfOrigin;
    private List<RefereeSlot> referees;

    public ApplyForm() {
        this(3);
    }

    ApplyForm(int refereeSlots) {
        referees = new ArrayList<>();
        for (int i = 0; i < refereeSlots; i++) {
            referees.add(new RefereeSlot());
        }
    }

    public static class RefereeSlot {
        private String name;
        private String email;
        private String relationship;

        boolean isBlank() {
            return isEmpty(name) && isEmpty(email) && isEmpty(relationship);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getRelationship() { return relationship; }
        public void setRelationship(String relationship) { this.relationship = relationship; }
    }

    /** Indexes of the referee slots the applicant filled in, in order. */
    List<Integer> filledRefereeSlots() {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < referees.size(); i++) {
            if (referees.get(i) != null && !referees.get(i).isBlank()) {
                filled.add(i);
            }
        }
        return filled;
    }

    ApplicationRequest toRequest() {
        List<ApplicationRequest.RefereeRequest> named = filledRefereeSlots().stream()
                .map(referees::get)
                .map(slot -> new ApplicationRequest.RefereeRequest(slot.name, slot.email, slot.relationship))
                .toList();
        List<String> languageList = isEmpty(languages) ? List.of()
                : Arrays.stream(languages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ApplicationRequest(kind, name, email, emptyToNull(phone), postalCode, emptyToNull(city), industry,
                expertise, emptyToNull(businessName), yearsOfExperience, languageList, organisationId, birthYear,
                emptyToNull(gender), emptyToNull(ethnicity), emptyToNull(countryOfOrigin), named);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isBlank();
    }

    private static String emptyToNull(String value) {
        return isEmpty(value) ? null : value;
    }

    public MemberKind getKind() { return kind; }
    public void setKind(MemberKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public String getExpertise() { return expertise; }
    public void setExpertise(String expertise) { this.expertise = expertise; }
    public String getBusinessName() { return businessName; }
    public void setBusinessName(String businessName) { this.businessName = businessName; }
    public Integer getYearsOfExperience() { return yearsOfExperience; }
    public void setYearsOfExperience(Integer yearsOfExperience) { this.yearsOfExperience = yearsOfExperience; }
    public String getLanguages() { return languages; }
    public void setLanguages(String languages) { this.languages = languages; }
    public Long getOrganisationId() { return organisationId; }
    public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
    public Integer getBirthYear() { return birthYear; }
    public void setBirthYear(Integer birthYear) { this.birthYear = birthYear; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public String getEthnicity() { return ethnicity; }
    public void setEthnicity(String ethnicity) { this.ethnicity = ethnicity; }
    public String getCountryOfOrigin() { return countryOfOrigin; }
    public void setCountryOfOrigin(String countryOfOrigin) { this.countryOfOrigin = countryOfOrigin; }
    public List<RefereeSlot> getReferees() { return referees; }
    public void setReferees(List<RefereeSlot> referees) { this.referees = referees; }
}
