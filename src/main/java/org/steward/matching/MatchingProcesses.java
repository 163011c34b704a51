package org.steward.matching;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.steward.tasks.CaseKey;

/**
 * Names shared by the matching BPMN files and their Java side. Business keys carry the case
 * ({@code match-request-4}, {@code match-7}); variables are ids and decision flags only, never text.
 */
public final class MatchingProcesses {

    public static final String REQUEST_KEY = "MatchRequestProcess";
    public static final String REQUEST_CASE = "match-request";
    public static final String MATCH_KEY = "MatchProcess";
    public static final String MATCH_CASE = "match";

    /** MAT-2: the member id of the mentor staff confirmed or picked (a declared task output). */
    public static final String MENTOR_CANDIDATE_ID = "mentorCandidateId";
    /** Whether the mentor could be asked (still active, not restricted, not full). */
    public static final String MENTOR_ASKED = "mentorAsked";
    /** MAT-3: whether another candidate is asked automatically (fewer than three unsuccessful since staff last picked). */
    public static final String NEXT_CANDIDATE = "nextCandidate";
    /** Staff close a request no mentor could be found for. */
    public static final String CLOSE_REQUEST = "closeRequest";

    public static final String MSG_MENTOR_ACCEPTED = "Msg_MentorAccepted";
    public static final String MSG_MENTOR_DECLINED = "Msg_MentorDeclined";
    public static final String MSG_MATCH_CLOSED = "Msg_MatchClosed";

    public static final String TASK_CONFIRM_MENTOR = "Task_ConfirmMentor";
    public static final String TASK_FIND_MENTOR = "Task_FindMentor";

    private MatchingProcesses() {
    }

    public static String requestKey(long requestId) {
        return CaseKey.of(REQUEST_CASE, requestId);
    }

    public static String matchKey(long matchId) {
        return CaseKey.of(MATCH_CASE, matchId);
    }

    public static long requestId(DelegateExecution execution) {
        return CaseKey.idOf(execution.getProcessBusinessKey(), REQUEST_CASE);
    }

    public static long matchId(DelegateExecution execution) {
        return CaseKey.idOf(execution.getProcessBusinessKey(), MATCH_CASE);
    }
}
