package org.steward.organisations;

import java.util.ArrayList;
import java.util.List;

/**
 * A member organisation as other modules see it, with the contacts who receive its breach notices
 * (BRE-2): the Information Security Officer first, then the alternate, each address once.
 */
public record Organisation(long id, String name, String website, List<SecurityContact> securityContacts) {

    public boolean hasSecurityContact() {
        return !securityContacts.isEmpty();
    }

    static Organisation of(MemberOrganisation o) {
        List<SecurityContact> contacts = new ArrayList<>(2);
        if (o.getIsoEmail() != null) {
            contacts.add(new SecurityContact(o.getIsoName(), o.getIsoEmail()));
        }
        if (o.getAlternateEmail() != null && !o.getAlternateEmail().equals(o.getIsoEmail())) {
            contacts.add(new SecurityContact(o.getAlternateName(), o.getAlternateEmail()));
        }
        return new Organisation(o.getId(), o.getName(), o.getWebsite(), List.copyOf(contacts));
    }
}
