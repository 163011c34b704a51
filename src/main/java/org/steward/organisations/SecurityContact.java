package org.steward.organisations;

/** A person an organisation nominated to receive breach notices (BRE-2). */
public record SecurityContact(String name, String email) {
}
