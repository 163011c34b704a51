package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Issue 14: what the engine is told about the caller. An HTTP Basic request was signed in from its credentials a moment
 * ago, so its groups come from that sign-in (no second query); a browser session's groups are asked for again, so a group
 * taken away counts at once (need-to-know). Staff task checks ({@link StaffGroups#current}) follow the same rule.
 * Steward keeps no tenants.
 */
class SpringSecurityToCamundaTest {

    private final ProcessEngine engine = mock(ProcessEngine.class, RETURNS_DEEP_STUBS);
    private final SpringSecurityToCamunda provider = new SpringSecurityToCamunda();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anEngineRestRequest_takesItsGroupsFromTheSignInJustMade() {
        signIn("peter", "GROUP_program-staff", "ROLE_USER");

        AuthenticationResult result = provider.extractAuthenticatedUser(request("/engine-rest/task", true), engine);

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthenticatedUser()).isEqualTo("peter");
        assertThat(result.getGroups()).containsExactly("program-staff");
        assertThat(result.getTenants()).isEmpty();
        verify(engine, never()).getIdentityService();
    }

    @Test
    void aSessionRequest_asksForTheGroupsAgain_soARemovedGroupCountsAtOnce() {
        signIn("peter", "GROUP_program-staff", "GROUP_auditors");
        identityServiceHasIn("peter", "auditors");

        AuthenticationResult result = provider.extractAuthenticatedUser(request("/camunda/api/engine/engine/default/task", false), engine);

        assertThat(result.getGroups()).containsExactly("auditors");
        assertThat(result.getTenants()).isEmpty();
    }

    @Test
    void staffTaskChecks_onABasicRequest_useTheGroupsOfItsSignIn() {
        signIn("peter", "GROUP_program-staff");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request("/api/staff/tasks/7/input", true)));

        assertThat(StaffGroups.current(engine.getIdentityService(), "peter")).containsExactly("program-staff");
        verify(engine.getIdentityService(), never()).createGroupQuery();
    }

    @Test
    void staffTaskChecks_inABrowserSession_orForSomeoneElse_askTheIdentityService() {
        signIn("peter", "GROUP_program-staff", "GROUP_auditors");
        identityServiceHasIn("peter", "auditors");
        identityServiceHasIn("priya");

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request("/api/staff/tasks/7/input", false)));
        assertThat(StaffGroups.current(engine.getIdentityService(), "peter")).containsExactly("auditors");

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request("/api/staff/tasks/7/input", true)));
        assertThat(StaffGroups.current(engine.getIdentityService(), "priya")).isEmpty();

        RequestContextHolder.resetRequestAttributes(); // no request: a job or a scheduled sweep
        assertThat(StaffGroups.current(engine.getIdentityService(), "peter")).containsExactly("auditors");
    }

    @Test
    void noSignIn_isNoCamundaUser() {
        assertThat(provider.extractAuthenticatedUser(request("/engine-rest/task", true), engine).isAuthenticated()).isFalse();
    }

    /** What the identity service answers now: a group may have been taken away since the session signed in. */
    private void identityServiceHasIn(String user, String... groupIds) {
        List<Group> groups = java.util.Arrays.stream(groupIds).map(id -> {
            Group group = mock(Group.class);
            when(group.getId()).thenReturn(id);
            return group;
        }).toList();
        when(engine.getIdentityService().createGroupQuery().groupMember(user).list()).thenReturn(groups);
    }

    private static void signIn(String user, String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
    }

    private static MockHttpServletRequest request(String path, boolean basic) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        if (basic) {
            request.addHeader("Authorization", "Basic cGV0ZXI6cGV0ZXI=");
        }
        return request;
    }
}
