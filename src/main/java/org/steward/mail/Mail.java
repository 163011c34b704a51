package org.steward.mail;

import java.util.Locale;
import java.util.Map;

/**
 * One email a business step wants sent.
 *
 * @param idempotencyKey names the business event ("application-42-outcome"): the outbox keeps one
 *                       mail per key, so a repeated step never sends twice
 * @param subjectRef     whose data this is ("application:42"), for export and erasure
 * @param template       base name of the templates in email-templates/ (.html and .txt)
 * @param recipient      the address
 * @param model          what the templates show
 */
public record Mail(String idempotencyKey, String subjectRef, String template, String recipient,
                   Map<String, Object> model, Locale locale) {

    public Mail(String idempotencyKey, String subjectRef, String template, String recipient, Map<String, Object> model) {
        this(idempotencyKey, subjectRef, template, recipient, model, Locale.ENGLISH);
    }
}
