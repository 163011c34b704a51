package org.steward.audit.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The application funnel (AUD-4) from the engine's history alone: each application case started in the
 * period, how many references came in or expired, whether it reached review, its outcome, how often more
 * information was asked and how long it took. The activity ids are the approval process model's (bpmn/).
 */
@Service
class ApplicationFunnel {

    static final String PROCESS = "ApplicationApprovalProcess";
    static final List<String> HEADER = List.of("application", "submitted_at", "references_received", "references_expired",
            "references_complete", "more_information_asked", "outcome", "ended_at", "duration_hours");
    private static final int CHUNK = 200;

    record Row(String businessKey, Instant submittedAt, int referencesReceived, int referencesExpired, boolean referencesComplete,
               int moreInformation, String outcome, Instant endedAt) {

        public Long durationHours() {
            return endedAt == null ? null : Duration.between(submittedAt, endedAt).toHours();
        }

        List<Object> fields() {
            return List.of(businessKey, submittedAt, referencesReceived, referencesExpired, referencesComplete, moreInformation, outcome,
                    endedAt == null ? "" : endedAt, durationHours() == null ? "" : durationHours());
        }
    }

    private final HistoryService history;

    ApplicationFunnel(HistoryService history) {
        this.history = history;
    }

    /** One case at a time, a chunk of cases per query: the whole history never sits in memory. */
    void forEachRow(Period period, Consumer<Row> each) {
        for (int first = 0; ; first += CHUNK) {
            List<HistoricProcessInstance> chunk = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                    .startedAfter(Date.from(period.start().minusMillis(1))).startedBefore(Date.from(period.end()))
                    .orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc().listPage(first, CHUNK);
            chunk.forEach(instance -> each.accept(row(instance)));
            if (chunk.size() < CHUNK) {
                return;
            }
        }
    }

    private Row row(HistoricProcessInstance instance) {
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).list();
        int received = count(activities, "EndEvent_ReferenceReceived");
        int expired = count(activities, "EndEvent_ReferenceExpired");
        boolean reviewed = activities.stream().anyMatch(a -> "Task_ReviewApplication".equals(a.getActivityId()));
        String outcome = count(activities, "Task_AdmitMember") > 0 ? "APPROVED"
                : count(activities, "Task_SendRejection") > 0 ? "REJECTED"
                : count(activities, "Task_DiscardUnconfirmedApplication") > 0 ? "DISCARDED"
                : instance.getEndTime() == null ? "OPEN" : "ENDED";
        return new Row(instance.getBusinessKey(), CaseList.instant(instance.getStartTime()), received, expired, reviewed,
                count(activities, "Task_RequestMoreInformation"), outcome, CaseList.instant(instance.getEndTime()));
    }

    private static int count(List<HistoricActivityInstance> activities, String activityId) {
        return (int) activities.stream().filter(a -> activityId.equals(a.getActivityId()) && a.getEndTime() != null).count();
    }
}
