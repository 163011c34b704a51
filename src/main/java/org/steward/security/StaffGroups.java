package org.steward.security;

import java.util.List;

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

    /** Spring Security authority for membership of a Camunda group. */
    public static String authority(String groupId) {
        return "GROUP_" + groupId;
    }

    /** The Camunda groups an authentication's authorities name (the inverse of {@link #authority}). */
    public static List<String> groupsOf(org.springframework.security.core.Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(org.springframework.security.core.GrantedAuthority::getAuthority)
                .filter(name -> name.startsWith("GROUP_"))
                .map(name -> name.substring("GROUP_".length()))
                .toList();
    }

    private StaffGroups() {
    }
}
