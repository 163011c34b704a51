package org.steward.matching.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.matching.MatchRequests;
import org.steward.matching.MatchingProcesses;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_ConfirmMentor (MAT-2): the ten best candidates with their points per criterion, read from our API by the
 * case id; staff confirm the first or pick another of them. Completes with {@code mentorCandidateId} only, checked
 * against the candidate list (400 otherwise).
 */
@Component
class ConfirmMentorForm implements TaskForm {

    private final MatchRequests requests;

    ConfirmMentorForm(MatchRequests requests) {
        this.requests = requests;
    }

    @Override
    public String taskKey() {
        return MatchingProcesses.TASK_CONFIRM_MENTOR;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(MatchingProcesses.MENTOR_CANDIDATE_ID);
    }

    @Override
    public MatchRequests.RequestView view(StaffTask task) {
        return requests.view(task.caseId(MatchingProcesses.REQUEST_CASE));
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        FormInput form = FormInput.of(input, Set.of(MatchingProcesses.MENTOR_CANDIDATE_ID));
        Long mentorId = MentorPick.read(form, input, requests, task.caseId(MatchingProcesses.REQUEST_CASE));
        form.done();
        return Map.of(MatchingProcesses.MENTOR_CANDIDATE_ID, mentorId);
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        requests.pick(task.caseId(MatchingProcesses.REQUEST_CASE), MentorPick.value(input), staffUser == null ? "system" : staffUser);
    }

    @Override
    public String title(StaffTask task) {
        return requests.title(task.caseId(MatchingProcesses.REQUEST_CASE), false);
    }
}
