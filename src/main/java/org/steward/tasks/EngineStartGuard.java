package org.steward.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
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

    /** Every engine API that starts an instance of a definition: by id or key, default or named engine, restarts too. */
    private static final Pattern START = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/process-definition/"
                    + "(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form|restart|restart-async)$");

    private final ObjectMapper json;

    EngineStartGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !START.matcher(normalised(request)).matches();
    }

    /**
     * Decoded as the REST resources match it (/%73tart is /start), in lower case, without ;parameters,
     * repeated or trailing slashes: every spelling that could reach a start endpoint matches.
     */
    static String normalised(HttpServletRequest request) {
        String path = UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT).replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
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
