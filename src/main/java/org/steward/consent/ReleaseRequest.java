package org.steward.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.steward.system.validation.FreeText;

/** CON-4: staff ask to release a member's story; the member is shown {@code story} and confirms or refuses. */
public record ReleaseRequest(@NotNull Long memberId, @NotBlank @FreeText @Size(max = 4000) String story) {
}
