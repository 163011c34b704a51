package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steward.support.browser.ApplyPage;
import org.steward.support.browser.BrowserTest;

/** The public application form in a real browser: field messages, nothing stored, then success (APP-1, APP-2, APP-3). */
class ApplyPageBrowserTest extends BrowserTest {

    @Test
    void emptyForm_showsAMessageNextToEachRequiredField_andStoresNothing() {
        long applicationsBefore = applications();

        ApplyPage page = ApplyPage.open(driver, url("/apply")).submit();

        assertThat(page.currentPath()).isEqualTo("/apply");
        assertThat(page.fieldError("kind")).isNotBlank();
        assertThat(page.fieldError("name")).isNotBlank();
        assertThat(page.fieldError("email")).isNotBlank();
        assertThat(page.fieldError("postalCode")).isNotBlank();
        assertThat(page.fieldError("industry")).isNotBlank();
        assertThat(page.fieldError("expertise")).isNotBlank();
        assertThat(page.mainText()).contains("Please correct the fields marked below");
        assertThat(applications()).isEqualTo(applicationsBefore);
    }

    @Test
    void underAgeApplicant_isRefusedWithAMessage_andTheEnteredValuesStay() {
        String email = uniqueEmail("young");
        long applicationsBefore = applications();

        ApplyPage page = filledIn(ApplyPage.open(driver, url("/apply")), email)
                .fill("birthYear", String.valueOf(java.time.Year.now().getValue() - 12))
                .submit();

        assertThat(page.isThankYouPage()).isFalse();
        assertThat(page.fieldError("birthYear")).as("APP-2").isNotBlank();
        assertThat(page.value("email")).isEqualTo(email);
        assertThat(page.value("name")).isEqualTo("Ana Lima");
        assertThat(applications()).isEqualTo(applicationsBefore);
    }

    @Test
    void completeForm_thanksTheApplicant_andEmailsTheReferee() {
        String email = uniqueEmail("applicant");
        String referee = uniqueEmail("referee");

        ApplyPage page = filledIn(ApplyPage.open(driver, url("/apply")), email)
                .referee(0, "Rui Costa", referee, "Former manager")
                .submit();

        assertThat(page.isThankYouPage()).isTrue();
        assertThat(page.mainText()).contains("Thank you for applying");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application a JOIN data_subject s ON s.id = a.subject_id WHERE s.email = ?",
                Long.class, email)).isEqualTo(1);
        runDueJobs();
        assertThat(deliverMailTo(referee)).as("nothing to referees before the applicant confirms").isEmpty();
        confirmAddress(email);
        assertThat(deliverMailTo(referee)).extracting(m -> m.getSubject()).containsExactly("Would you give a reference?");
    }

    private static ApplyPage filledIn(ApplyPage page, String email) {
        return page.kind("Mentor")
                .fill("name", "Ana Lima")
                .fill("email", email)
                .fill("postalCode", "10115")
                .fill("industry", "Software")
                .fill("languages", "English, Portuguese")
                .fill("expertise", "Scaling engineering teams");
    }

    private long applications() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM application", Long.class);
    }
}
