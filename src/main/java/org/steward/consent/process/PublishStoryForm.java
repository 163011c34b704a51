package org.steward.consent.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.consent.ConsentProcesses;
import org.steward.consent.PromotionReleases;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_PublishStory (CON-4): appears only once the member confirmed the release. Staff confirm they
 * published exactly the confirmed story; refused if the member's PROMOTION consent ended meanwhile.
 * Sets no process variable.
 */
@Component
class PublishStoryForm implements TaskForm {

    static final String PUBLISHED = "published";

    private final PromotionReleases releases;

    PublishStoryForm(PromotionReleases releases) {
        this.releases = releases;
    }

    @Override
    public String taskKey() {
        return ConsentProcesses.TASK_PUBLISH_STORY;
    }

    @Override
    public Set<String> outputs() {
        return Set.of();
    }

    @Override
    public PromotionReleases.ReleaseView view(StaffTask task) {
        return releases.view(task.caseId(ConsentProcesses.RELEASE_CASE));
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        FormInput form = FormInput.of(input, Set.of(PUBLISHED));
        if (!form.flag(PUBLISHED, false)) {
            form.reject(PUBLISHED, "tick this once you have published the story the member confirmed");
        } else if (!releases.publishable(task.caseId(ConsentProcesses.RELEASE_CASE))) {
            form.reject(PUBLISHED, "the member no longer consents to PROMOTION: do not publish the story (CON-2)");
        }
        form.done();
        return Map.of();
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        releases.markPublished(task.caseId(ConsentProcesses.RELEASE_CASE), staffUser == null ? "system" : staffUser);
    }

    /** "Publish story of release #8": the case id, never the member's name. */
    @Override
    public String title(StaffTask task) {
        return "Publish story of release #" + task.caseId(ConsentProcesses.RELEASE_CASE);
    }
}
