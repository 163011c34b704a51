package org.steward.tasks;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one way Tasklist forms talk to Steward (issue 15): GET the task's view, POST what the person
 * typed (checked, kept in our tables), and, for API clients, POST a completion that does both and
 * completes the task with its declared outputs.
 */
@RestController
class StaffTaskController {

    private final StaffTasks tasks;

    StaffTaskController(StaffTasks tasks) {
        this.tasks = tasks;
    }

    /**
     * The form's data; for a browser session it carries the CSRF token so the form can post back
     * (API clients authenticate every request with HTTP Basic and need none).
     */
    @GetMapping("/api/staff/tasks/{taskId}/view")
    Map<String, Object> view(@PathVariable String taskId, Principal user, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StaffTasks.TaskView view = tasks.view(taskId, user.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", view.task());
        body.put("case", view.caseView());
        if (csrf != null) {
            body.put("csrf", Map.of("headerName", csrf.getHeaderName(), "token", csrf.getToken()));
        }
        return body;
    }

    /** Saves the form's input; Tasklist then completes the task, which stores it with the case. */
    @PostMapping("/api/staff/tasks/{taskId}/input")
    Map<String, Object> save(@PathVariable String taskId, @RequestBody JsonNode input, Principal user) {
        return Map.of("saved", true, "outputs", tasks.save(taskId, user.getName(), input));
    }

    /** Saves the input and completes the task in one step (API clients). */
    @PostMapping("/api/staff/tasks/{taskId}/completion")
    Map<String, Object> complete(@PathVariable String taskId, @RequestBody JsonNode input, Principal user) {
        tasks.complete(taskId, user.getName(), input);
        return Map.of("completed", true);
    }

    @ExceptionHandler(TaskAccessDenied.class)
    ProblemDetail denied(TaskAccessDenied e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Not your task");
        return problem;
    }
}
