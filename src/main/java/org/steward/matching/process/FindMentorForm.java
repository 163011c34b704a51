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
 * Task_FindMentor (MAT-3): three candidates in a row declined or stayed silent (or none is left). Staff pick another
 * candidate ({@code mentorCandidateId}, checked like the confirmation) or close the request ({@code closeRequest}).
 */
@Component
class FindMentorForm implements TaskForm {

    private final MatchRequests requests;

    FindMentorForm(MatchRequests requests) {
        this.requests = requests;
    }

    @Override
    public String taskKey() {
        return MatchingProcesses.TASK_FIND_MENTOR;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(MatchingProcesses.MENTOR_CANDIDATE_ID, MatchingProcesses.CLOSE_REQUEST);
    }

    @Override
    public MatchRequests.RequestView view(StaffTask task) {
        return requests.view(task.caseId(MatchingProcesses.REQUEST_CASE));
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        FormInput form = FormInput.of(input, Set.of(MatchingProcesses.MENTOR_CANDIDATE_ID, MatchingProcesses.CLOSE_REQUEST));
        if (form.flag(MatchingProcesses.CLOSE_REQUEST, false)) {
            form.done();
            return Map.of(MatchingProcesses.CLOSE_REQUEST, true);
        }
        Long mentorId = MentorPick.read(form, input, requests, task.caseId(MatchingProcesses.REQUEST_CASE));
        form.done();
        return Map.of(MatchingProcesses.CLOSE_REQUEST, false, MatchingProcesses.MENTOR_CANDIDATE_ID, mentorId);
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        JsonNode close = input.get(MatchingProcesses.CLOSE_REQUEST);
        if (close != null && (close.asBoolean(false) || "true".equals(close.asText()))) {
            return;
        }
        requests.pick(task.caseId(MatchingProcesses.REQUEST_CASE), MentorPick.value(input), staffUser == null ? "system" : staffUser);
    }

    @Override
    public String title(StaffTask task) {
        return requests.title(task.caseId(MatchingProcesses.REQUEST_CASE), true);
    }
}
