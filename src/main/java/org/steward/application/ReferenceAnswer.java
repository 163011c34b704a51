package org.steward.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.steward.system.validation.FreeText;

/** What the referee fills in on the reference form. */
public record ReferenceAnswer(
        @NotNull(message = "choose a recommendation") Recommendation recommendation,
        @Min(value = 0, message = "enter a number of years from 0 to 80")
        @Max(value = 80, message = "enter a number of years from 0 to 80") Integer knownForYears,
        @Size(max = 4000, message = "write at most 4000 characters") @FreeText String comments) {
}
