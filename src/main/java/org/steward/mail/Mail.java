package org.steward.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One email a business step wants sent.
 *
 * @param idempotencyKey     names the business event ("application-42-outcome"): the outbox keeps one
 *                           mail per key, so a repeated step never sends twice
 * @param subjectRef         which record the mail is about ("application:42", "member:7")
 * @param template           base name of the templates in email-templates/ (.html and .txt)
 * @param recipient          the address
 * @param model              what the templates show
 * @param recipientSubjectId the recipient's data subject id where one is known (null for staff), for
 *                           export and erasure
 * @param headers            extra message headers (List-Unsubscribe, CON-5); empty for most mails
 * @param consentPurpose     the consent purpose this mail depends on (MARKETING for a newsletter), asked
 *                           again when the mail is sent (CON-2); null for mail that needs no consent
 * @param role               whom it goes to, as a role, for the auditors (AUD-2); UNKNOWN when not said
 */
public record Mail(String idempotencyKey, String subjectRef, String template, String recipient,
                   Map<String, Object> model, Locale locale, Long recipientSubjectId,
                   Map<String, String> headers, String consentPurpose, RecipientRole role) {

    /**
     * Model entry (a list) whose values fill the {0}, {1}… of the template's subject in messages.properties
     * (a newsletter's subject is what staff wrote). Without it a subject is taken as written.
     */
    public static final String SUBJECT_ARGUMENTS = "subjectArguments";

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,60}");

    public Mail {
        if (headers == null) {
            headers = Map.of();
        }
        headers.forEach((name, value) -> {
            if (name == null || !HEADER_NAME.matcher(name).matches() || value == null
                    || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Not a safe mail header: " + name);
            }
        });
        headers = Map.copyOf(headers);
        if (role == null) {
            role = RecipientRole.UNKNOWN;
        }
    }

    public Mail(String idempotencyKey, String subjectRef, String template, String recipient, Map<String, Object> model,
                Locale locale, Long recipientSubjectId, Map<String, String> headers, String consentPurpose) {
        this(idempotencyKey, subjectRef, template, recipient, model, locale, recipientSubjectId, headers, consentPurpose, null);
    }

    /** The same mail, saying whom it goes to as a role (AUD-2: auditors see the role, never the address). */
    public Mail withRole(RecipientRole recipientRole) {
        return new Mail(idempotencyKey, subjectRef, template, recipient, model, locale, recipientSubjectId, headers, consentPurpose,
                recipientRole);
    }

    public Mail(String idempotencyKey, String subjectRef, String template, String recipient, Map<String, Object> model) {
        this(idempotencyKey, subjectRef, template, recipient, model, Locale.ENGLISH, null);
    }

    public Mail(String idempotencyKey, String subjectRef, String template, String recipient, Map<String, Object> model,
                Locale locale) {
        this(idempotencyKey, subjectRef, template, recipient, model, locale, null);
    }

    public Mail(String idempotencyKey, String subjectRef, String template, String recipient, Map<String, Object> model,
                Locale locale, Long recipientSubjectId) {
        this(idempotencyKey, subjectRef, template, recipient, model, locale, recipientSubjectId, Map.of(), null);
    }

    /** The same mail, naming the data subject it goes to. */
    public Mail toSubject(long subjectId) {
        return new Mail(idempotencyKey, subjectRef, template, recipient, model, locale, subjectId, headers, consentPurpose, role);
    }

    /** The same mail with these extra headers (CON-5: List-Unsubscribe, List-Unsubscribe-Post). */
    public Mail withHeaders(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return new Mail(idempotencyKey, subjectRef, template, recipient, model, locale, recipientSubjectId, all, consentPurpose, role);
    }

    /** The same mail, sent only if the recipient still consents to {@code purpose} when it goes out (CON-2). */
    public Mail forConsentPurpose(String purpose) {
        return new Mail(idempotencyKey, subjectRef, template, recipient, model, locale, recipientSubjectId, headers, purpose, role);
    }

    /** The same mail with more template entries; entries the caller set win. */
    public Mail withModelDefaults(Map<String, Object> defaults) {
        if (defaults == null || defaults.isEmpty()) {
            return this;
        }
        Map<String, Object> all = new LinkedHashMap<>(defaults);
        all.putAll(model);
        return new Mail(idempotencyKey, subjectRef, template, recipient, all, locale, recipientSubjectId, headers, consentPurpose, role);
    }
}
