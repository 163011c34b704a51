package org.steward.organisations;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.steward.system.validation.SingleLine;

/** DSR-5: whether an organisation administers its members, and its administrator, who hears of their requests. */
public record AdministratorForm(
        @NotNull Boolean administersMembers,
        @SingleLine @Size(max = 200) String name,
        @SingleLine @Email @Size(max = 320) String email) {

    @AssertTrue(message = "an organisation that administers its members needs its administrator's name and email address")
    public boolean isAdministratorComplete() {
        return !Boolean.TRUE.equals(administersMembers) || (!isBlank(name) && !isBlank(email));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
