package org.steward.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the parts of Camunda's engine API that turn an account into a shell or bypass the sign-in
 * throttle, for everyone including administrators (who bypass Camunda's authorizations), on
 * /engine-rest and on the webapps' own engine API (issue 7, findings 4 and 5):
 * <ul>
 *   <li>deployments: processes ship inside the application and deploy themselves at start-up;</li>
 *   <li>Tasklist filters whose query holds an expression (${...} or #{...}), which the engine evaluates
 *       whenever the filter is used;</li>
 *   <li>Camunda's own password checks (identity/verify, the webapps' login): passwords are checked only by
 *       the throttled sign-in.</li>
 * </ul>
 * Each refusal is 403 with a problem detail saying why. Runs inside the security filter chains, after
 * authorization, on paths the HTTP firewall already normalised.
 */
final class EngineApiGuard extends OncePerRequestFilter {

    private static final String ENGINE = "(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
    private static final Pattern DEPLOYMENT = Pattern.compile(ENGINE + "/deployment/(?:create|[^/]+/redeploy)");
    private static final Pattern PASSWORD_CHECK = Pattern.compile(
            ENGINE + "/identity/verify|/camunda/api/admin/auth/user/[^/]+/login(?:/.*)?");
    private static final Pattern FILTER = Pattern.compile(ENGINE + "/filter(?:/.*)?");
    private static final int MAX_FILTER_BODY = 256 * 1024;

    static final String NO_DEPLOYMENTS = "Processes ship inside the application: deployments through the API are switched off."
            + " A new process version is deployed by releasing a new Steward build (see the README).";
    static final String NO_EXPRESSIONS = "Tasklist filters may not contain expressions (${...} or #{...}): the engine would"
            + " evaluate them with its own rights. Steward creates the filters that need one at start-up.";
    static final String NO_PASSWORD_CHECKS = "Passwords are checked only by Steward's sign-in (/login, or HTTP Basic).";

    private final Problems problems;
    private final ObjectMapper json;

    EngineApiGuard(Problems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = normalised(request);
        if (DEPLOYMENT.matcher(path).matches()) {
            deny(request, response, NO_DEPLOYMENTS);
        } else if (PASSWORD_CHECK.matcher(path).matches()) {
            deny(request, response, NO_PASSWORD_CHECKS);
        } else if (FILTER.matcher(path).matches() && hasBody(request)) {
            byte[] body = request.getInputStream().readNBytes(MAX_FILTER_BODY + 1);
            if (body.length > MAX_FILTER_BODY || holdsExpression(body)) {
                deny(request, response, NO_EXPRESSIONS);
            } else {
                chain.doFilter(new ReplayedBody(request, body), response);
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    private void deny(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        // "type" and "message" as Camunda's own errors have them, so Tasklist and Cockpit show the reason.
        problems.write(request, response, HttpStatus.FORBIDDEN, why, Map.of("message", why));
    }

    /** Lower case, no repeated or trailing slashes, no ;parameters: every spelling the REST layers accept. */
    static String normalised(HttpServletRequest request) {
        String path = RequestTargets.path(request).toLowerCase(Locale.ROOT)
                .replaceAll(";[^/]*", "")
                .replaceAll("/{2,}", "/");
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "DELETE".equals(method));
    }

    private boolean holdsExpression(byte[] body) {
        try {
            return holdsExpression(json.readTree(body));
        } catch (IOException notJson) {
            // Camunda will refuse it as JSON too; refuse outright if it even looks like an expression.
            String text = new String(body, StandardCharsets.UTF_8);
            return text.contains("${") || text.contains("#{") || text.toLowerCase(Locale.ROOT).contains("\\u00");
        }
    }

    private static boolean holdsExpression(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return text.contains("${") || text.contains("#{");
        }
        for (JsonNode child : node) {
            if (holdsExpression(child)) {
                return true;
            }
        }
        return false;
    }

    /** The request with the body this guard already read, for the REST layer to read again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
