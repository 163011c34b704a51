package org.steward.mail;

import java.util.Locale;
import java.util.Map;

/**
 * One email a business step wants sent.
 *
 * @param idempotencyKey     names the business event ("application-42-outcome"): the outbox keeps one
 *                           mail per key, so a repeated step never sends twice
 * @param subjectRef         which record the mail is about ("application:42")
 * @param template           base name of the templates in email-templates/ (.html and .txt)
 * @param recipient          the address
 * @param model              what the templates show
 * @param recipientSubjectId the recipient's data subject id where one is known (null for staff), for
 *                           export and erasure
 */
public record Mail(String idempotencyKey, String subjectRef, String template, String recipient,
                   Map<String, Object> model, Locale locale, Long recipientSubjectId) {

    public Mail(String idempotencyKey, String subjectRef, String template, String recipient, Map<String, Object> model) {
        this(idempotencyKey, subjectRef, template, recipient, model, Locale.ENGLISH, null);
    }

    public Mail(String idempotencyKey, String subjectRef, String template, String recipient, Map<String, Object> model,
                Locale locale) {
        this(idempotencyKey, subjectRef, template, recipient, model, locale, null);
    }

    /** The same mail, naming the data subject it goes to. */
    public Mail toSubject(long subjectId) {
        return new Mail(idempotencyKey, subjectRef, template, recipient, model, locale, subjectId);
    }
}
