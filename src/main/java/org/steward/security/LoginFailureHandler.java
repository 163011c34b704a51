package org.steward.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** A wrong password goes back to the sign-in page; a throttled attempt gets it too, as HTTP 429 saying how long to wait. */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String THROTTLED_PAGE = "/login/throttled";
    static final String WAIT_ATTRIBUTE = "steward.loginWaitSeconds";

    private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (failure instanceof LoginThrottledException throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            request.setAttribute(WAIT_ATTRIBUTE, throttled.retryAfterSeconds());
            request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
        } else {
            wrongPassword.onAuthenticationFailure(request, response, failure);
        }
    }
}
