package org.steward.application.web;

import java.util.Arrays;
import java.util.Locale;

import jakarta.validation.Validator;

import org.springframework.validation.BindingResult;
import org.steward.application.Recommendation;
import org.steward.application.ReferenceAnswer;

/**
 * The reference form as typed: text in, so that an unknown recommendation or letters in the years
 * become field messages instead of binding failures (issue 7 finding 10).
 */
public class ReferenceForm {

    private String recommendation;
    private String knownForYears;
    private String comments;

    /** The answer, or null when a field is wrong (each wrong field then has one message in {@code errors}). */
    ReferenceAnswer toAnswer(BindingResult errors, Validator validator) {
        Recommendation chosen = null;
        if (recommendation == null || recommendation.isBlank()) {
            errors.rejectValue("recommendation", "missing", "choose a recommendation");
        } else if (Arrays.stream(Recommendation.values()).noneMatch(r -> r.name().equals(recommendation.trim().toUpperCase(Locale.ROOT)))) {
            errors.rejectValue("recommendation", "unknown", "choose one of the recommendations listed");
        } else {
            chosen = Recommendation.valueOf(recommendation.trim().toUpperCase(Locale.ROOT));
        }
        Integer years = null;
        if (knownForYears != null && !knownForYears.isBlank()) {
            try {
                years = Integer.valueOf(knownForYears.trim());
            } catch (NumberFormatException e) {
                errors.rejectValue("knownForYears", "notANumber", "enter a number of years from 0 to 80");
            }
        }
        ReferenceAnswer answer = new ReferenceAnswer(chosen, years, comments);
        validator.validate(answer).forEach(violation -> {
            String field = violation.getPropertyPath().toString();
            if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "invalid", violation.getMessage());
            }
        });
        return errors.hasErrors() ? null : answer;
    }

    public String getRecommendation() { return recommendation; }
    public void setRecommendation(String recommendation) { this.recommendation = recommendation; }
    public String getKnownForYears() { return knownForYears; }
    public void setKnownForYears(String knownForYears) { this.knownForYears = knownForYears; }
    public String getComments() { return comments; }
    public void setComments(String comments) { this.comments = comments; }
}
