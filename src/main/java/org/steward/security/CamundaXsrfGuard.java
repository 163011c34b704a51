package org.steward.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the X-XSRF-TOKEN header of a changing request to Camunda's webapp API before Camunda does.
 * Camunda's own check ends the session of a request without it, so a forged cross-site POST logged the
 * victim out (issue 7, finding 8); here such a request is refused with 403 and the session is kept.
 * (Browsers do not send the SameSite=Lax session cookie on a cross-site POST in the first place.)
 */
final class CamundaXsrfGuard extends OncePerRequestFilter {

    /** Where Camunda's CsrfPreventionFilter keeps the token it issued (CsrfConstants). */
    static final String TOKEN_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    static final String TOKEN_HEADER = "X-XSRF-TOKEN";

    private final Problems problems;

    CamundaXsrfGuard(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !RequestTargets.path(request).startsWith("/camunda/api/")
                || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !matches(session.getAttribute(TOKEN_ATTRIBUTE), request.getHeader(TOKEN_HEADER))) {
            problems.write(request, response, HttpStatus.FORBIDDEN,
                    "This request lacks the X-XSRF-TOKEN header the webapps send, so it may come from another site."
                            + " It was refused; you are still signed in.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean matches(Object expected, String given) {
        return expected instanceof String token && given != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
