package org.steward.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.steward.system.validation.FreeText;
import org.steward.system.validation.SingleLine;

/** CON-5: a newsletter staff send to every member who consents to MARKETING. The text stays in our tables. */
public record NewsletterRequest(@NotBlank @SingleLine @Size(max = 200) String subject,
                                @NotBlank @FreeText @Size(max = 50000) String text) {
}
