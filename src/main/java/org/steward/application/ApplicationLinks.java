package org.steward.application;

/** Purposes and paths of the links this capability emails. */
final class ApplicationLinks {

    static final String EMAIL_CONFIRMATION = "email-confirmation";
    static final String REFERENCE_FORM = "reference-form";
    static final String REFEREE_REMOVAL = "referee-removal";
    static final String MORE_INFORMATION = "more-information";

    static final String EMAIL_CONFIRMATION_PATH = "/links/confirm-email/";
    static final String REFERENCE_FORM_PATH = "/links/reference/";
    static final String REFEREE_REMOVAL_PATH = "/links/referee-removal/";
    static final String MORE_INFORMATION_PATH = "/links/more-information/";

    private ApplicationLinks() {
    }
}
