package org.steward.tasks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.security.StaffGroups;
import org.steward.system.InvalidInputException;
import org.steward.system.NotFoundException;

/**
 * Staff work on tasks through here: who may, what the form shows, saving what they typed, and
 * completing with the declared outputs only (issue 7 finding 2, issue 15). The engine's own
 * completion paths (Tasklist, /engine-rest) are held to the same rules by {@link EngineTaskGuard}
 * and {@link StaffTaskListener}.
 */
@Service
public class StaffTasks {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final TaskForms forms;
    private final StagedInputRepository staged;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditTrail audit;
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();

    StaffTasks(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
               IdentityService identityService, TaskForms forms, StagedInputRepository staged, ObjectMapper json, Clock clock,
               AuditTrail audit) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.forms = forms;
        this.staged = staged;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    public record TaskView(Map<String, Object> task, Object caseView) {
    }

    /** What a task's form shows: the task and, read from our tables, its case. */
    @Transactional(readOnly = true)
    public TaskView view(String taskId, String user) {
        StaffTask task = workableBy(taskId, user);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", task.id());
        summary.put("name", task.name());
        summary.put("taskKey", task.taskKey());
        summary.put("caseKey", task.businessKey());
        summary.put("created", task.created() == null ? null : task.created().toInstant());
        summary.put("due", task.due() == null ? null : task.due().toInstant());
        summary.put("assignee", task.assignee());
        return new TaskView(summary, formOf(task).view(task));
    }

    /** Checks and keeps what the person typed until the task is completed; returns the outputs it leads to. */
    @Transactional
    public Map<String, Object> save(String taskId, String user, JsonNode input) {
        StaffTask task = workableBy(taskId, user);
        Map<String, Object> outputs = formOf(task).check(task, input);
        staged.save(new StagedInput(taskId, task.taskKey(), user, write(input), write(outputs), clock.instant()));
        return outputs;
    }

    /** Saves the input and completes the task as {@code user}, in one transaction. */
    @Transactional
    public void complete(String taskId, String user, JsonNode input) {
        Map<String, Object> outputs = save(taskId, user, input);
        List<String> groups = groupsOf(user);
        identityService.setAuthentication(user, groups);
        try {
            taskService.complete(taskId, outputs);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * Checks a completion that arrives through the engine's REST API or Tasklist (submit-form, complete):
     * only the declared outputs, only by the task's group, and either the saved form or outputs that are
     * a valid input on their own. Throws {@link InvalidInputException} or {@link TaskAccessDenied}.
     */
    @Transactional(readOnly = true)
    public void checkEngineCompletion(String taskId, String user, Map<String, Object> variables) {
        Task engineTask = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (engineTask == null) {
            return; // the engine answers 404 itself
        }
        StaffTask task = describe(engineTask);
        checkMayWork(task, user);
        TaskForm form = forms.forTask(task.taskKey()).orElse(null);
        if (form == null) {
            if (!variables.isEmpty()) {
                throw new InvalidInputException(Map.of("variables", "this task is completed without variables"));
            }
            return;
        }
        List<String> undeclared = variables.keySet().stream().filter(name -> !form.outputs().contains(name)).toList();
        if (!undeclared.isEmpty()) {
            throw new InvalidInputException(Map.of("variables", "completing this task may set only "
                    + String.join(", ", form.outputs()) + "; not " + String.join(", ", undeclared)));
        }
        StagedInput saved = staged.findById(taskId).filter(s -> s.getStaffUser().equals(user)).orElse(null);
        if (saved != null) {
            Map<String, Object> savedOutputs = readOutputs(saved);
            variables.forEach((name, value) -> {
                if (!Objects.equals(String.valueOf(value), String.valueOf(savedOutputs.get(name)))) {
                    throw new InvalidInputException(Map.of(name, "differs from the form you saved; submit the form again"));
                }
            });
            return;
        }
        form.check(task, json.valueToTree(variables));
    }

    // --- the task's life, called by StaffTaskListener inside the engine's transaction ---

    void onCreate(StaffTask task, java.util.function.Consumer<String> rename) {
        forms.forTask(task.taskKey()).map(form -> form.title(task)).ifPresent(rename);
    }

    /** Returns the outputs to set on the process; stores the input with the case. */
    Map<String, Object> onComplete(StaffTask task, String user, Map<String, Object> completionVariables) {
        if (user != null) {
            checkMayWork(task, user);
        }
        TaskForm form = forms.forTask(task.taskKey()).orElse(null);
        if (form == null) {
            return Map.of();
        }
        StagedInput saved = staged.findById(task.id()).orElse(null);
        JsonNode input = saved != null ? read(saved.getInputJson()) : json.valueToTree(completionVariables);
        Map<String, Object> outputs = form.check(task, input);
        form.apply(task, input, user);
        if (saved != null) {
            staged.delete(saved);
        }
        // AUD-3: who completed which task of which case, with what decision (flags only, never text).
        audit.record(user == null ? "system" : user, "TASK_COMPLETED", task.businessKey(),
                "task=" + task.taskKey() + (outputs.isEmpty() ? "" : " " + new java.util.TreeMap<>(outputs)));
        return outputs;
    }

    java.util.Set<String> declaredOutputs(String taskKey) {
        return forms.forTask(taskKey).map(TaskForm::outputs).orElse(java.util.Set.of());
    }

    void onDelete(String taskId) {
        staged.findById(taskId).ifPresent(staged::delete);
    }

    // --- who may work on what ---

    private StaffTask workableBy(String taskId, String user) {
        Task engineTask = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (engineTask == null) {
            throw new NotFoundException("There is no open task " + taskId + ".");
        }
        StaffTask task = describe(engineTask);
        checkMayWork(task, user);
        return task;
    }

    private void checkMayWork(StaffTask task, String user) {
        List<String> groups = groupsOf(user);
        if (groups.contains(StaffGroups.ADMINS)) {
            return;
        }
        if (task.candidateGroups().stream().noneMatch(groups::contains)) {
            throw new TaskAccessDenied("Only " + String.join(" or ", task.candidateGroups()) + " may work on this task.");
        }
        if (task.assignee() != null && !task.assignee().equals(user)) {
            throw new TaskAccessDenied("This task is claimed by another staff member.");
        }
    }

    /**
     * The user's groups: those the engine was told for this call (Tasklist, /engine-rest, {@link #complete}), else
     * those of the request's own sign-in ({@link StaffGroups#current}).
     */
    private List<String> groupsOf(String user) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current != null && user.equals(current.getUserId()) && current.getGroupIds() != null) {
            return current.getGroupIds();
        }
        return StaffGroups.current(identityService, user);
    }

    StaffTask describe(Task task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        String businessKey = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey();
        return new StaffTask(task.getId(), task.getTaskDefinitionKey(), processKey(task.getProcessDefinitionId()),
                task.getProcessInstanceId(), businessKey, task.getName(), task.getAssignee(), groups,
                task.getCreateTime(), task.getDueDate());
    }

    /** A definition's key never changes: asked once per definition, not on every task event. */
    String processKey(String processDefinitionId) {
        return processKeys.computeIfAbsent(processDefinitionId, id -> repositoryService.getProcessDefinition(id).getKey());
    }

    private TaskForm formOf(StaffTask task) {
        return forms.forTask(task.taskKey())
                .orElseThrow(() -> new NotFoundException("Task " + task.id() + " has no Steward form."));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> readOutputs(StagedInput saved) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        ((ObjectNode) read(saved.getOutputsJson())).fields()
                .forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
        return outputs;
    }
}
