package org.steward.matching.process;

import com.fasterxml.jackson.databind.JsonNode;
import org.steward.matching.MatchRequests;
import org.steward.matching.MatchingProcesses;
import org.steward.tasks.FormInput;

/** Reads and checks the mentor staff chose (MAT-2): one of the request's candidates, not asked yet, still eligible. */
final class MentorPick {

    private MentorPick() {
    }

    static Long read(FormInput form, JsonNode input, MatchRequests requests, long requestId) {
        JsonNode node = input.get(MatchingProcesses.MENTOR_CANDIDATE_ID);
        Long mentorId = null;
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            form.reject(MatchingProcesses.MENTOR_CANDIDATE_ID, "choose the mentor to ask");
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            mentorId = node.longValue();
        } else if (node.isTextual() && node.textValue().trim().matches("\\d{1,18}")) {
            mentorId = Long.parseLong(node.textValue().trim());
        } else {
            form.reject(MatchingProcesses.MENTOR_CANDIDATE_ID, "must be the member id of one of the candidates");
        }
        if (mentorId != null) {
            requests.whyNotPickable(requestId, mentorId).ifPresent(why -> form.reject(MatchingProcesses.MENTOR_CANDIDATE_ID, why));
        }
        return mentorId;
    }

    static long value(JsonNode input) {
        JsonNode node = input.get(MatchingProcesses.MENTOR_CANDIDATE_ID);
        return node.isTextual() ? Long.parseLong(node.textValue().trim()) : node.longValue();
    }
}
