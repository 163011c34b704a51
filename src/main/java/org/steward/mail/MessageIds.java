package org.steward.mail;

import java.util.Locale;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Message-IDs (RFC 5322 3.6.4) for outbox mail: random, generated once when a mail is queued and stored with it,
 * so every attempt to send that mail, a resend after a crash included, carries the same one. The domain is the
 * sender's, so two installations never hand out the same id.
 */
final class MessageIds {

    private MessageIds() {
    }

    static String generate(String domain) {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    static String domainOf(String from) {
        try {
            String address = new InternetAddress(from).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            if (at > 0 && at < address.length() - 1) {
                return address.substring(at + 1).toLowerCase(Locale.ROOT);
            }
        } catch (AddressException | RuntimeException e) {
            // fall through: a sender without a domain still gets unique ids
        }
        return "steward.invalid";
    }
}
