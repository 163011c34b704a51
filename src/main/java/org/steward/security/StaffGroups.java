package org.steward.security;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The staff groups of AUD-1, kept in Camunda's identity service. */
public final class StaffGroups {

    public static final String PROGRAM_STAFF = "program-staff";
    public static final String PRIVACY_OFFICERS = "privacy-officers";
    public static final String SECURITY_OFFICERS = "security-officers";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "admins";
    /** Operators (issue 14): read the metrics at /actuator/prometheus and health details; no staff work, no Camunda webapp. */
    public static final String OPERATORS = "operators";

    public static final List<String> ALL = List.of(PROGRAM_STAFF, PRIVACY_OFFICERS, SECURITY_OFFICERS, AUDITORS, ADMINS);

    private static final String AUTHORITY_PREFIX = "GROUP_";

    /** Spring Security authority for membership of a Camunda group. */
    public static String authority(String groupId) {
        return AUTHORITY_PREFIX + groupId;
    }

    /** The Camunda groups an authentication's authorities name (the inverse of {@link #authority}). */
    public static List<String> groupsOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith(AUTHORITY_PREFIX))
                .map(name -> name.substring(AUTHORITY_PREFIX.length()))
                .toList();
    }

    /** The ids of the groups the identity service has the user in now. */
    public static List<String> memberships(IdentityService identity, String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    /**
     * The user's groups for the request being served. An HTTP Basic or /engine-rest request was signed in from its
     * credentials just now, groups included, so its authorities are current. A browser session's were read at
     * sign-in: ask again, so a group taken away counts at once, not at the next sign-in. Outside a request, ask.
     */
    public static List<String> current(IdentityService identity, String userId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && userId.equals(authentication.getName())
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return ofRequest(attributes.getRequest(), authentication, () -> identity);
        }
        return memberships(identity, userId);
    }

    /** The groups of the request's signed-in user, by the rule of {@link #current}; the identity service only if asked. */
    static List<String> ofRequest(HttpServletRequest request, Authentication authentication, Supplier<IdentityService> identity) {
        // The stateless chains (SecurityConfig) never read a session: their requests carry their own credentials.
        boolean signedInThisRequest = StaffRequests.isEngineRest(request) || StaffRequests.carriesBasicCredentials(request);
        return signedInThisRequest ? groupsOf(authentication) : memberships(identity.get(), authentication.getName());
    }

    private StaffGroups() {
    }
}
