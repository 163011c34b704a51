package org.steward.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** RFC 9457 problem details written by the security filters, before any controller runs. */
final class Problems {

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(request, response, status, detail, Map.of());
    }

    /** Extra members are added to the problem (Camunda's webapps show a "message"). */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
               Map<String, Object> extra) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(extra);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
        response.flushBuffer();
    }

    /** Everything the API serves as JSON: our API, the engine REST API, the webapps' own API. */
    static boolean isApi(HttpServletRequest request) {
        String path = RequestTargets.path(request);
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/") || path.equals("/engine-rest")
                || path.startsWith("/camunda/api/") || path.startsWith("/actuator/");
    }
}
