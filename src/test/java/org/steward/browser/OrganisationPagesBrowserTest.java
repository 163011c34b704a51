package org.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steward.support.browser.BrowserTest;
import org.steward.support.browser.OrganisationsPage;
import org.steward.support.browser.StewardPage;

/**
 * The member-organisation register in a real browser: administrators add, edit and keep security
 * contacts (BRE-2); auditors read the list and are offered no button they may not use (AUD-1,
 * AUD-2, issue 8 item 6).
 */
class OrganisationPagesBrowserTest extends BrowserTest {

    @Test
    void administrator_addsEditsAndKeepsSecurityContacts() {
        String name = "Women in Trade " + System.nanoTime();
        String renamed = name + " e.V.";
        signIn("ada");
        OrganisationsPage page = OrganisationsPage.open(driver, url("/staff/organisations"));
        assertThat(page.offersAdd()).isTrue();

        page.add().fill("name", "").fill("website", "ftp://wit.example").save();
        assertThat(page.heading()).isEqualTo("Add a member organisation");
        assertThat(page.errors()).contains("must not be blank", "must be an http(s) address");

        page.fill("name", name).fill("website", "https://wit.example").save();
        assertThat(page.showsSaved()).isTrue();
        assertThat(page.names()).contains(name);
        assertThat(page.isoOf(name)).isEqualTo("none on record");

        page.edit(name).fill("name", renamed).save();
        assertThat(page.names()).contains(renamed).doesNotContain(name);

        page.securityContacts(renamed).fill("isoName", "Ines Officer").fill("isoEmail", "iso@wit.example")
                .fill("alternateName", "Alex Deputy").save();
        assertThat(page.errors()).containsExactly("an alternate contact needs both a name and an email address");
        page.fill("alternateName", "").save();
        assertThat(page.showsSaved()).isTrue();
        assertThat(page.isoOf(renamed)).isEqualTo("iso@wit.example");
        assertThat(page.offersEdit()).isTrue();
        assertThat(page.offersSecurityContacts()).isTrue();
    }

    @Test
    void auditor_readsTheRegister_andIsOfferedNoButtons() {
        String name = "Read Only Guild " + System.nanoTime();
        assertThat(browser.postJson("/api/organisations", "{\"name\":\"" + name + "\"}", "ada").statusCode()).isEqualTo(201);
        signIn("audrey");

        OrganisationsPage page = OrganisationsPage.open(driver, url("/staff/organisations"));
        assertThat(page.names()).contains(name);
        assertThat(page.offersAdd()).isFalse();
        assertThat(page.offersEdit()).isFalse();
        assertThat(page.offersSecurityContacts()).isFalse();
        assertThat(page.mainText()).contains("You can read this register");

        // Typing the address anyway gets a page that explains, not a bare 403.
        StewardPage refused = StewardPage.open(driver, url("/staff/organisations/new"));
        assertThat(refused.heading()).isEqualTo("This page is not open to you");
        assertThat(refused.links()).contains("Your staff home");
    }

    @Test
    void programStaff_editTheRegister_butAreNotOfferedSecurityContacts() {
        String name = "Makers Collective " + System.nanoTime();
        assertThat(browser.postJson("/api/organisations", "{\"name\":\"" + name + "\"}", "ada").statusCode()).isEqualTo(201);
        signIn("peter");

        OrganisationsPage page = OrganisationsPage.open(driver, url("/staff/organisations"));
        assertThat(page.offersAdd()).isTrue();
        assertThat(page.offersEdit()).isTrue();
        assertThat(page.offersSecurityContacts()).as("BRE-2 contacts are for administrators").isFalse();
    }
}
