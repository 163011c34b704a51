package org.steward.audit.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.steward.audit.AuditTrail;
import org.steward.audit.CaseDeadlines;
import org.steward.mail.MailOutbox;
import org.steward.mail.MailOutbox.MailRecord;
import org.steward.system.NotFoundException;

/**
 * One case's timeline for auditors (AUD-2, BRE-6): each step with start and end and who completed it
 * (a staff user id), the decisions (flags and categories, never free text), each mail (template, times,
 * status; never the address), each deadline and the engine's incidents. Ids and roles only.
 */
@Service
class CaseTimeline {

    /** Only categories such as APPROVE or MORE_INFO count as a decision value; free text never shows. */
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

    record Step(String activityId, String name, String type, Instant started, Instant ended, String completedBy, String afterPrevious) {

        Step(String activityId, String name, String type, Instant started, Instant ended, String completedBy) {
            this(activityId, name, type, started, ended, completedBy, "");
        }

        /** How long the step took, in words ("2 h 5 min"); empty while it runs. */
        public String took() {
            return started == null || ended == null ? "" : Words.duration(Duration.between(started, ended));
        }

        Step after(Instant previous) {
            return new Step(activityId, name, type, started, ended, completedBy,
                    previous == null || started == null ? "" : Words.duration(Duration.between(previous, started)) + " after the previous step");
        }
    }

    /** What the diagram highlights (issue 13): the activities completed and those still active, by BPMN element id. */
    record Path(String definitionId, Set<String> completed, Set<String> active) {

        public String completedIds() {
            return String.join(" ", completed);
        }

        public String activeIds() {
            return String.join(" ", active);
        }
    }

    record Decision(String name, String value) {
    }

    record Failure(String type, String activityId, Instant created, Instant ended, String state) {
    }

    record Timeline(String process, String processName, String businessKey, Instant started, Instant ended, String state,
                    List<Step> steps, List<Decision> decisions, List<MailRecord> mails, List<CaseDeadlines.Deadline> deadlines,
                    List<Failure> failures, List<AuditTrail.Entry> trail, Path path) {

        /** The whole case in words ("3 d 4 h"), up to now while it runs. */
        public String lasted() {
            return started == null ? "" : Words.duration(Duration.between(started, ended == null ? Instant.now() : ended));
        }
    }

    private final HistoryService history;
    private final MailOutbox outbox;
    private final List<CaseDeadlines> deadlines;
    private final AuditTrail trail;
    private final RepositoryService repository;

    CaseTimeline(HistoryService history, MailOutbox outbox, List<CaseDeadlines> deadlines, AuditTrail trail,
                 RepositoryService repository) {
        this.history = history;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.trail = trail;
        this.repository = repository;
    }

    Timeline of(String process, String businessKey) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery().processDefinitionKey(process)
                .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().asc().list();
        if (instances.isEmpty()) {
            throw new NotFoundException("No case " + businessKey + " of process " + process);
        }
        HistoricProcessInstance first = instances.get(0);
        HistoricProcessInstance last = instances.get(instances.size() - 1);
        List<Step> steps = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            steps.addAll(steps(instance.getId()));
            decisions.addAll(decisions(instance.getId()));
            failures.addAll(failures(instance.getId()));
        }
        steps.sort(Comparator.comparing(Step::started, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Step> timed = new ArrayList<>(steps.size());
        Instant previous = null;
        for (Step step : steps) {
            timed.add(step.after(previous));
            previous = step.started() == null ? previous : step.started();
        }
        List<AuditTrail.Entry> entries = trail.entriesOf(businessKey);
        decisions.addAll(reasonCategories(entries));
        return new Timeline(process, first.getProcessDefinitionName(), businessKey, CaseList.instant(first.getStartTime()),
                CaseList.instant(last.getEndTime()), last.getEndTime() == null ? "running" : "completed", timed, decisions,
                mailsAbout(businessKey), deadlinesOf(businessKey), failures,
                entries, path(last));
    }

    /**
     * The categories of the reasons given (a rejection's, a refusal's, a question's), from the trail entries the
     * deciding step appends ("decision=REJECT category=EXPERIENCE"); the reasons' text never leaves its table.
     */
    private static List<Decision> reasonCategories(List<AuditTrail.Entry> entries) {
        List<Decision> found = new ArrayList<>();
        for (AuditTrail.Entry entry : entries) {
            if (entry.detail() == null) {
                continue;
            }
            for (String token : entry.detail().split(" ")) {
                if (token.startsWith("category=") && CATEGORY.matcher(token.substring(9)).matches()) {
                    found.add(new Decision("reasonCategory (" + entry.action() + ")", token.substring(9)));
                }
            }
        }
        return found;
    }

    /** The BPMN 2.0 XML of the case's (latest instance's) process definition, for the diagram; read-only. */
    String diagramXml(String process, String businessKey) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(process)
                .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().desc().listPage(0, 1).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("No case " + businessKey + " of process " + process));
        try (InputStream xml = repository.getProcessModel(instance.getProcessDefinitionId())) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every activity of the latest instance, gateways and events included, split into done and still active. */
    private Path path(HistoricProcessInstance instance) {
        Set<String> completed = new TreeSet<>();
        Set<String> active = new TreeSet<>();
        history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .filter(a -> !"multiInstanceBody".equals(a.getActivityType()))
                .forEach(a -> (a.getEndTime() == null ? active : completed).add(a.getActivityId()));
        completed.removeAll(active);
        return new Path(instance.getProcessDefinitionId(), completed, active);
    }

    private List<Step> steps(String instanceId) {
        // Who completed a task: the engine's operation log names the signed-in staff user; else the assignee.
        Map<String, String> completers = new HashMap<>();
        history.createUserOperationLogQuery().processInstanceId(instanceId).entityType(EntityTypes.TASK)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
                .forEach(entry -> completers.putIfAbsent(entry.getTaskId(), entry.getUserId()));
        Map<String, String> assignees = new HashMap<>();
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).list()) {
            String who = completers.getOrDefault(task.getId(), task.getAssignee());
            if (task.getActivityInstanceId() != null && who != null) {
                assignees.put(task.getActivityInstanceId(), who);
            }
        }
        return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .filter(a -> !a.getActivityType().endsWith("Gateway") && !"multiInstanceBody".equals(a.getActivityType()))
                .map(a -> new Step(a.getActivityId(), a.getActivityName() == null ? a.getActivityId() : a.getActivityName(),
                        a.getActivityType(), CaseList.instant(a.getStartTime()), CaseList.instant(a.getEndTime()),
                        assignees.get(a.getId())))
                .toList();
    }

    private List<Decision> decisions(String instanceId) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).disableCustomObjectDeserialization()
                .list().stream()
                .filter(v -> v.getValue() instanceof Boolean || v.getValue() instanceof String s && CATEGORY.matcher(s).matches())
                .map(v -> new Decision(v.getName(), String.valueOf(v.getValue())))
                .sorted(Comparator.comparing(Decision::name)).toList();
    }

    private List<Failure> failures(String instanceId) {
        return history.createHistoricIncidentQuery().processInstanceId(instanceId).list().stream()
                .map(i -> new Failure(i.getIncidentType(), i.getActivityId(), CaseList.instant(i.getCreateTime()),
                        CaseList.instant(i.getEndTime()), i.isOpen() ? "open" : i.isResolved() ? "resolved" : "deleted"))
                .toList();
    }

    private List<CaseDeadlines.Deadline> deadlinesOf(String businessKey) {
        List<CaseDeadlines.Deadline> all = new ArrayList<>();
        deadlines.stream().filter(d -> businessKey.startsWith(d.caseType() + "-")).forEach(d -> all.addAll(d.of(businessKey)));
        return all;
    }

    /** Mails about a case; request cases' mails are keyed "privacy-request-12-…" (the requests module's own prefix). */
    private List<MailRecord> mailsAbout(String businessKey) {
        String key = businessKey.startsWith("request-") ? "privacy-" + businessKey : businessKey;
        return outbox.mailsAbout(subjectRef(key), key + "-");
    }

    /** Our mails name their case as "incident:7" for the business key "incident-7". */
    static String subjectRef(String businessKey) {
        int dash = businessKey.lastIndexOf('-');
        return dash < 0 ? businessKey : businessKey.substring(0, dash) + ":" + businessKey.substring(dash + 1);
    }
}
