package org.steward.consent;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.steward.system.validation.FreeText;
import org.steward.system.validation.SingleLine;

/**
 * CON-6: a new policy version, effective at least 30 business days ahead. {@code newPurposes} names the
 * purposes of use it adds (codes such as RESEARCH): members are asked, and nobody is processed for one
 * without opting in.
 */
public record PolicyRequest(@NotBlank @SingleLine @Size(max = 40) String version,
                            @NotNull LocalDate effectiveDate,
                            @NotBlank @FreeText @Size(max = 4000) String summary,
                            @Size(max = 10) List<@NotNull String> newPurposes) {

    public List<String> newPurposesOrEmpty() {
        return newPurposes == null ? List.of() : newPurposes;
    }
}
