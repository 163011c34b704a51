package org.steward.application;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.steward.members.MemberKind;
import org.steward.system.validation.FreeText;
import org.steward.system.validation.SingleLine;

/**
 * A membership application as the public page and POST /api/applications take it (APP-1).
 * The number of referees and the minimum age are configurable and checked by ApplicationIntake.
 * Names and one-line fields refuse control, zero-width and direction-changing characters (issue 7
 * finding 10); only the expertise is multi-line.
 */
public record ApplicationRequest(
        @NotNull(message = "choose MENTOR or ENTREPRENEUR") MemberKind kind,
        @NotBlank @Size(max = 200) @SingleLine String name,
        @NotBlank @Size(max = 320) @SingleLine @Email(regexp = ApplicationRequest.EMAIL, message = "must be a valid email address") String email,
        @Size(max = 40) @SingleLine String phone,
        @NotBlank @Size(max = 20) @SingleLine String postalCode,
        @Size(max = 100) @SingleLine String city,
        @NotBlank @Size(max = 100) @SingleLine String industry,
        @NotBlank @Size(max = 1000) @FreeText String expertise,
        @Size(max = 200) @SingleLine String businessName,
        @Min(0) @Max(80) Integer yearsOfExperience,
        @NotEmpty(message = "name at least one language") @Size(max = 10) List<@NotBlank @Size(max = 40) @SingleLine String> languages,
        Long organisationId,
        @Min(1900) @Max(2100) Integer birthYear,
        @Size(max = 50) @SingleLine String gender,
        @Size(max = 100) @SingleLine String ethnicity,
        @Size(max = 100) @SingleLine String countryOfOrigin,
        @NotNull(message = "name your referees") @Size(max = 20) List<@Valid @NotNull RefereeRequest> referees) {

    /** Something, an @, something with a dot: stricter than the bare annotation, no stricter than mail servers. */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /** A referee as the applicant names them. Only the name ever reaches the referee's mail (issue 7 finding 6). */
    public record RefereeRequest(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotBlank @Size(max = 320) @SingleLine @Email(regexp = EMAIL, message = "must be a valid email address") String email,
            @NotBlank @Size(max = 200) @SingleLine String relationship) {
    }
}
