package org.steward.privacy.requests.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.privacy.requests.DataSubjectRequestProcess;
import org.steward.privacy.requests.DataSubjectRequestProcess.Decision;
import org.steward.privacy.requests.RequestReviews;
import org.steward.privacy.requests.RequestSteps;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_ReviewRequest (DSR-3, DSR-4): a privacy officer approves, refuses with a reason (the requester
 * always gets it) or asks for details. The text goes to privacy_request_text; only {@code decision}
 * reaches the engine.
 */
@Component
class ReviewRequestForm implements TaskForm {

    static final String REASON = "reason";
    /** Optional: the reason's category (AUD-2), stored with the request and shown to auditors. */
    static final String CATEGORY = "reasonCategory";
    private static final int MAX_REASON = 2000;

    private final RequestReviews reviews;
    private final RequestSteps steps;

    ReviewRequestForm(RequestReviews reviews, RequestSteps steps) {
        this.reviews = reviews;
        this.steps = steps;
    }

    @Override
    public String taskKey() {
        return DataSubjectRequestProcess.TASK_REVIEW_REQUEST;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(DataSubjectRequestProcess.DECISION);
    }

    @Override
    public RequestReviews.Review view(StaffTask task) {
        return reviews.review(task.caseId(DataSubjectRequestProcess.CASE));
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        FormInput form = FormInput.of(input, Set.of(DataSubjectRequestProcess.DECISION, REASON, CATEGORY));
        Decision decision = form.choice(DataSubjectRequestProcess.DECISION, Decision.class, "choose a decision");
        form.choice(CATEGORY, DataSubjectRequestProcess.ReasonCategory.class, null);
        String reason = form.text(REASON, MAX_REASON, null);
        if (decision == Decision.REFUSE && reason == null) {
            form.reject(REASON, "write the reason for the refusal: the requester receives it (DSR-4)");
        } else if (decision == Decision.ASK_FOR_DETAILS && reason == null) {
            form.reject(REASON, "write your question: the requester receives it");
        }
        if (decision != null) {
            reviews.whyNotDecidable(task.caseId(DataSubjectRequestProcess.CASE), decision)
                    .ifPresent(why -> form.reject(DataSubjectRequestProcess.DECISION, why));
        }
        form.done();
        return Map.of(DataSubjectRequestProcess.DECISION, decision.name());
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        JsonNode reason = input.get(REASON);
        String text = reason == null || reason.isNull() || reason.textValue().isBlank() ? null : reason.textValue().trim();
        JsonNode category = input.get(CATEGORY);
        steps.recordDecision(task.caseId(DataSubjectRequestProcess.CASE),
                Decision.valueOf(input.get(DataSubjectRequestProcess.DECISION).textValue().trim().toUpperCase()), text,
                category == null || !category.isTextual() || category.textValue().isBlank() ? null
                        : DataSubjectRequestProcess.ReasonCategory.valueOf(category.textValue().trim().toUpperCase(java.util.Locale.ROOT)),
                staffUser);
    }

    /** "Review access request #12": the number and the type, never a name. */
    @Override
    public String title(StaffTask task) {
        return reviews.title(task.caseId(DataSubjectRequestProcess.CASE));
    }
}
