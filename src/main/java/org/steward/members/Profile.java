package org.steward.members;

/**
 * What a person tells us about themselves (APP-1): kind, contact, profile and the optional,
 * confidential demographics. Name and email are not here: they belong to the data subject.
 * Stored once per subject: an application and the member it becomes share it.
 */
public record Profile(MemberKind kind, String phone, String postalCode, String city, String industry,
                      String expertise, String businessName, Integer yearsOfExperience, String languages,
                      Integer birthYear, String gender, String ethnicity, String countryOfOrigin) {
}
