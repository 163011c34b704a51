package org.steward.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the referee fills in on the reference form. */
public record ReferenceAnswer(
        @NotNull(message = "choose a recommendation") Recommendation recommendation,
        @Min(0) @Max(80) Integer knownForYears,
        @Size(max = 4000) String comments) {
}
