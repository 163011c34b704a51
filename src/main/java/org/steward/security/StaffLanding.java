package org.steward.security;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where staff land after signing in (issue 8 item 6): the page they asked for when they may open
 * it, otherwise the page meant for their group. Program staff and officers work in Tasklist,
 * administrators start at the staff home, auditors at the auditors' page; nobody is sent to a
 * Camunda webapp that would answer "403". Which webapp a person may open is Camunda's own answer
 * (ACCESS on the APPLICATION resource), so grants made later in Camunda Admin count too.
 */
@Component
public class StaffLanding implements AuthenticationSuccessHandler {

    public static final String TASKLIST = "/camunda/app/tasklist/default/";
    public static final String COCKPIT = "/camunda/app/cockpit/default/";
    public static final String ADMIN = "/camunda/app/admin/default/";
    public static final String STAFF_HOME = "/staff";
    public static final String AUDIT = "/audit";

    /** A Camunda webapp's page (not its scripts and styles): /camunda/app/tasklist/default/ and the like. */
    private static final Pattern CAMUNDA_APP_PAGE = Pattern.compile("^/camunda/app/(tasklist|cockpit|admin)(/[^/.]+)?/?$");

    private final AuthorizationService authorizations;
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    StaffLanding(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String target = landingPage(authentication);
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved != null && mayOpen(authentication, UriComponentsBuilder.fromUriString(saved.getRedirectUrl()).build().getPath())) {
            target = saved.getRedirectUrl();
        }
        requestCache.removeRequest(request, response);
        if (request.getSession(false) != null) {
            request.getSession(false).removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        redirect.sendRedirect(request, response, target);
    }

    /** The page meant for this person's groups. */
    public String landingPage(Authentication authentication) {
        List<String> groups = groupsOf(authentication);
        if (groups.contains(StaffGroups.ADMINS) || groups.contains(Groups.CAMUNDA_ADMIN)) {
            return STAFF_HOME;
        }
        if (mayUse(authentication, "tasklist")) {
            return TASKLIST;
        }
        if (groups.contains(StaffGroups.AUDITORS)) {
            return AUDIT;
        }
        return STAFF_HOME;
    }

    /** False only for a Camunda webapp page the person has no access to; Spring Security guards the rest. */
    public boolean mayOpen(Authentication authentication, String path) {
        Matcher app = CAMUNDA_APP_PAGE.matcher(path == null ? "" : path);
        return !app.matches() || mayUse(authentication, app.group(1));
    }

    /** Whether Camunda lets this person open a webapp: "tasklist", "cockpit" or "admin". */
    public boolean mayUse(Authentication authentication, String camundaApp) {
        return authorizations.isUserAuthorized(authentication.getName(), groupsOf(authentication),
                Permissions.ACCESS, Resources.APPLICATION, camundaApp);
    }

    static List<String> groupsOf(Authentication authentication) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        String prefix = StaffGroups.authority("");
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).toList();
    }
}
