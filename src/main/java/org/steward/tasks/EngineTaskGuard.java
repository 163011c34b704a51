package org.steward.tasks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steward.system.InvalidInputException;

/**
 * Holds the engine's own completion endpoints — /engine-rest and Tasklist's /camunda/api/engine — to
 * the rules of {@link StaffTasks#checkEngineCompletion}: a completion sets only the task's declared
 * outputs, by a member of the task's group. A refusal is a 400 (or 403) with a message Tasklist shows,
 * never the engine's 500 banner, and nothing changes.
 */
class EngineTaskGuard extends OncePerRequestFilter {

    private static final Pattern COMPLETION = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form|resolve)/?$");

    private final StaffTasks tasks;
    private final ObjectMapper json;

    EngineTaskGuard(StaffTasks tasks, ObjectMapper json) {
        this.tasks = tasks;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response); // the engine's own authentication answers
            return;
        }
        Matcher m = COMPLETION.matcher(path(request));
        m.matches();
        byte[] body = request.getInputStream().readAllBytes();
        try {
            tasks.checkEngineCompletion(m.group(1), auth.getName(), variables(body));
        } catch (InvalidInputException e) {
            refuse(response, 400, String.join("; ", e.fieldErrors().entrySet().stream()
                    .map(err -> err.getKey() + ": " + err.getValue()).toList()));
            return;
        } catch (TaskAccessDenied e) {
            refuse(response, 403, e.getMessage());
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private Map<String, Object> variables(byte[] body) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (body.length == 0) {
            return variables;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException(Map.of("body", "is not valid JSON"));
        }
        JsonNode vars = root == null ? null : root.get("variables");
        if (vars == null || vars.isNull()) {
            return variables;
        }
        if (!vars.isObject()) {
            throw new InvalidInputException(Map.of("variables", "must be an object"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue() == null ? null : entry.getValue().get("value");
            variables.put(entry.getKey(), value == null || value.isNull() ? null
                    : value.isValueNode() ? json.convertValue(value, Object.class) : value.toString());
        }
        return variables;
    }

    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // Camunda's error shape (type, message) so Tasklist shows the message, plus problem-detail fields.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", status == 400 ? "InvalidRequestException" : "AuthorizationException");
        body.put("message", message);
        body.put("title", status == 400 ? "Invalid request" : "Not your task");
        body.put("status", status);
        body.put("detail", message);
        response.getWriter().write(json.writeValueAsString(body));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The request again, its body already read once for the check. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
