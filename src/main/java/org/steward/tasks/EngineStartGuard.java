package org.steward.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;
import org.steward.security.StaffGroups;

/**
 * Processes start through Steward, which checks the case first (POST /api/incidents, POST
 * /api/applications): the engine's own start endpoints, on /engine-rest and Tasklist's
 * /camunda/api/engine alike, would start an instance without its case, its checks or its deadlines.
 * They answer 403 with a message naming the Steward endpoint, for everyone but administrators.
 * Tasklist still lists the processes a group may start; their start forms post to Steward.
 */
class EngineStartGuard extends OncePerRequestFilter {

    static final String MESSAGE = "Processes are started through Steward, which checks the input first: report a "
            + "security incident with POST /api/incidents (in Tasklist: Start process, Report a security incident), "
            + "apply with POST /api/applications.";

    private static final Pattern START = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/process-definition/"
                    + "(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)/?$");

    private final ObjectMapper json;

    EngineStartGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Decoded as the REST resources match it, so /%73tart is /start.
        String path = UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()), StandardCharsets.UTF_8);
        return !"POST".equals(request.getMethod()) || !START.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                .anyMatch(a -> StaffGroups.authority(StaffGroups.ADMINS).equals(a.getAuthority()));
        if (admin) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(403);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // Camunda's error shape (type, message) so Tasklist shows the message, plus problem-detail fields.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "AuthorizationException");
        body.put("message", MESSAGE);
        body.put("title", "Start this process through Steward");
        body.put("status", 403);
        body.put("detail", MESSAGE);
        response.getWriter().write(json.writeValueAsString(body));
    }
}
