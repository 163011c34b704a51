package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.TasklistPage;
import org.steward.support.browser.TasklistStartForm;

/**
 * The Tasklist start form "Erasure of a person" (DSR-7) in a real browser, built on
 * {@code StewardTaskForm.mountStart}: its own checks stop an empty form, a refusal by Steward (an unknown
 * member id, 404) is shown in the form rather than as the engine's banner, a valid request starts the
 * erasure through Steward's API and says which one, a second Start says it was started already, and the
 * reason typed never reaches the engine's history.
 */
class ErasureStartFormBrowserTest extends BrowserTest {

    private static final String PROCESS_NAME = "Erasure of a person";

    @Test
    void privacyOfficer_startsAnErasureFromTasklist_withInlineChecksAndRefusals_DSR7() {
        String reason = "Asked by letter " + UUID.randomUUID().toString().substring(0, 8);
        String address = uniqueEmail("erase-me");

        signIn("priya");
        TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
        TasklistStartForm start = TasklistStartForm.open(driver, PROCESS_NAME).waitForText("Give an email address or a member id");

        start.start();
        assertThat(start.waitForFieldErrors()).containsExactly("Give an email address or a member id.");
        screenshot("erasure-1-nothing-given");

        start.type("memberId", "987654321").type("reason", reason).start();
        assertThat(start.waitForFieldErrors()).hasSize(1).first().asString().isNotBlank().doesNotContain("ENGINE");
        screenshot("erasure-2-unknown-member-refused");

        start.type("memberId", "").type("email", address).start();
        String outcome = start.waitForOutcome();
        assertThat(outcome).containsPattern("Erasure #\\d+ started\\.");
        long erasureId = Long.parseLong(outcome.replaceAll("(?s).*Erasure #(\\d+) started.*", "$1"));
        screenshot("erasure-3-started");

        start.start();
        assertThat(start.waitForFieldErrors()).containsExactly("Erasure #" + erasureId + " has been started already; close this dialog.");
        start.close();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erasure_request WHERE id = ?", Integer.class, erasureId)).isEqualTo(1);
        assertNotInHistory(reason);
        assertNotInHistory(address);
    }
}
