package org.steward.application.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.application.ApplicationProcess;
import org.steward.application.ApplicationProcess.Decision;
import org.steward.application.ApplicationDecisions;
import org.steward.application.ApplicationReviews;
import org.steward.application.ApplicationReviews.ApplicationReview;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_ReviewApplication (APP-5): program staff approve, reject with a reason, or ask a question.
 * The reason or question goes to the application row; only {@code decision} reaches the engine.
 */
@Component
class ReviewApplicationForm implements TaskForm {

    static final String DECISION = ApplicationProcess.DECISION;
    static final String REASON = "reason";
    /** Optional: the reason's category (AUD-2), stored with the application and shown to auditors. */
    static final String CATEGORY = "reasonCategory";
    private static final int MAX_REASON = 2000;

    private final ApplicationReviews reviews;
    private final ApplicationDecisions decisions;

    ReviewApplicationForm(ApplicationReviews reviews, ApplicationDecisions decisions) {
        this.reviews = reviews;
        this.decisions = decisions;
    }

    @Override
    public String taskKey() {
        return ApplicationProcess.TASK_REVIEW_APPLICATION;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(DECISION);
    }

    @Override
    public ApplicationReview view(StaffTask task) {
        return reviews.review(task.caseId(ApplicationProcess.CASE));
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        FormInput form = FormInput.of(input, Set.of(DECISION, REASON, CATEGORY));
        Decision decision = form.choice(DECISION, Decision.class, "choose a decision");
        form.choice(CATEGORY, ApplicationProcess.ReasonCategory.class, null);
        String reason = form.text(REASON, MAX_REASON, null);
        if (decision == Decision.REJECT && reason == null) {
            form.reject(REASON, "write the reason for the rejection: the applicant receives it");
        } else if (decision == Decision.MORE_INFO && reason == null) {
            form.reject(REASON, "write your question: the applicant receives it and answers through a link");
        }
        // Issue 7 finding 11: only an application under review, every reference settled, can be decided.
        decisions.whyNotDecidable(task.caseId(ApplicationProcess.CASE)).ifPresent(why -> form.reject(DECISION, why));
        form.done();
        return Map.of(DECISION, decision.name());
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        JsonNode reason = input.get(REASON);
        JsonNode category = input.get(CATEGORY);
        decisions.recordDecision(task.caseId(ApplicationProcess.CASE), input.get(DECISION).textValue(),
                reason == null || reason.isNull() ? null : reason.textValue(),
                category == null || !category.isTextual() || category.textValue().isBlank() ? null
                        : ApplicationProcess.ReasonCategory.valueOf(category.textValue().trim().toUpperCase(java.util.Locale.ROOT)),
                staffUser);
    }

    /** "Review application #42 — mentor, 2 of 3 references, 1 expired": ids, kinds and counts, never a name. */
    @Override
    public String title(StaffTask task) {
        ApplicationReview review = reviews.review(task.caseId(ApplicationProcess.CASE));
        long received = review.references().stream().filter(r -> "RECEIVED".equals(r.status())).count();
        long expired = review.references().stream().filter(r -> r.expired()).count();
        StringBuilder title = new StringBuilder("Review application #").append(review.id()).append(" — ")
                .append(review.kind().toLowerCase()).append(", ")
                .append(received).append(" of ").append(review.references().size()).append(" references");
        if (expired > 0) {
            title.append(", ").append(expired).append(" expired");
        }
        if (review.moreInfoAnswer() != null) {
            title.append(", applicant answered");
        } else if (review.moreInfoQuestion() != null) {
            title.append(", no answer to the question");
        }
        return title.toString();
    }
}
