package org.steward.organisations;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.steward.system.validation.SingleLine;

/** An organisation's nominated Information Security Officer and alternate contact (BRE-2), page and API alike. */
public record SecurityContactsForm(
        @NotBlank @SingleLine @Size(max = 200) String isoName,
        @NotBlank @SingleLine @Email @Size(max = 320) String isoEmail,
        @SingleLine @Size(max = 200) String alternateName,
        @SingleLine @Email @Size(max = 320) String alternateEmail) {

    @AssertTrue(message = "an alternate contact needs both a name and an email address")
    public boolean isAlternateComplete() {
        return isBlank(alternateName) == isBlank(alternateEmail);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
