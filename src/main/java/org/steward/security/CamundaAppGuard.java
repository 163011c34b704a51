package org.steward.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in person who opens a Camunda webapp they have no access to (an auditor following an
 * old Tasklist bookmark) is sent to their own landing page instead of Camunda's 403 (issue 8
 * item 6). Runs after Spring Security, before Camunda's own filters.
 */
@Component
class CamundaAppGuard extends FilterRegistrationBean<OncePerRequestFilter> {

    /** The landing is looked up per request: filters are built while the web server starts, before the engine. */
    CamundaAppGuard(ObjectProvider<StaffLanding> landings) {
        setFilter(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                StaffLanding landing = landings.getObject();
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                boolean signedIn = authentication != null && authentication.isAuthenticated()
                        && !(authentication instanceof AnonymousAuthenticationToken);
                if (signedIn && "GET".equals(request.getMethod())
                        && !landing.mayOpen(authentication, request.getRequestURI().substring(request.getContextPath().length()))) {
                    response.sendRedirect(request.getContextPath() + landing.landingPage(authentication));
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        addUrlPatterns("/camunda/app/*");
        setName("camundaAppGuard");
        setOrder(100);
    }
}
