package org.steward.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Tasklist, Cockpit and /engine-rest who Spring Security signed in, so staff log in once and
 * Camunda's authorizations apply to them. Instantiated by Camunda's filters by class name.
 */
public class SpringSecurityToCamunda extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        String userId = authentication.getName();
        AuthenticationResult result = AuthenticationResult.successful(userId);
        // A Basic or /engine-rest request's groups come from the sign-in just made; a browser session's are read again.
        result.setGroups(StaffGroups.ofRequest(request, authentication, engine::getIdentityService));
        // Steward keeps no tenants: without this the engine asks the identity service for the user's (none) on every call.
        result.setTenants(List.of());
        return result;
    }
}
