package org.steward.organisations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.steward.system.validation.SingleLine;

/** What staff enter for a member organisation (page and API alike). */
public record OrganisationForm(
        @NotBlank @SingleLine @Size(max = 200) String name,
        @SingleLine @Size(max = 300) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) address") String website) {
}
