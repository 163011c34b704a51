package org.steward.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * What someone gets who may not pass (issue 7, finding 9). APIs answer with problem details: 401 to
 * the anonymous (even when a missing CSRF token is what stopped them), 403 to the signed-in, 404 for an
 * address that does not exist, 429 while sign-ins are throttled. Pages send the anonymous to the
 * sign-in page, or show the 404 page for an address that does not exist.
 *
 * <p>A Basic challenge (WWW-Authenticate: Basic) goes only to clients that sent Basic credentials:
 * a browser that never sees one never shows its password dialog, so never holds Basic credentials it
 * could replay in a cross-site request (Basic requests skip the CSRF check).
 */
final class StaffEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;
    private final RequestTargets targets;
    private final AuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    StaffEntryPoint(Problems problems, RequestTargets targets) {
        this.problems = problems;
        this.targets = targets;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, jakarta.servlet.ServletException {
        if (failure instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins from this client. Try again in " + throttled.retryAfterSeconds() + " s.");
        } else if (Problems.isApi(request)) {
            unauthenticatedApi(request, response);
        } else if (!targets.exists(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } else {
            signInPage.commence(request, response, failure);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null || trust.isAnonymous(authentication);
        if (Problems.isApi(request)) {
            if (anonymous) {
                unauthenticatedApi(request, response);
            } else {
                problems.write(request, response, HttpStatus.FORBIDDEN, "You are signed in, but this is not open to your staff group"
                        + " (or the request lacks its CSRF token).");
            }
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private void unauthenticatedApi(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (RequestTargets.path(request).startsWith("/api/") && !targets.exists(request)) {
            problems.write(request, response, HttpStatus.NOT_FOUND, "There is nothing at this address.");
            return;
        }
        if (StaffRequests.carriesBasicCredentials(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Steward\"");
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED,
                "Sign in first: send a staff user's credentials with HTTP Basic, or sign in at /login.");
    }
}
