package org.steward.organisations;

/** DSR-5: the administrator of an organisation that administers its members: who is told when a member's request ends. */
public record OrganisationAdministrator(long organisationId, String organisation, String name, String email) {
}
