package org.steward.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parts of /dev/mail that hold without a browser (issue 8 item 8); DevMailBrowserTest shows the rest. */
class DevMailControllerTest {

    @Test
    void linksInTheTextPart_areListedOnce_withoutTrailingPunctuation() {
        String text = """
                Give a reference: https://steward.example/links/reference/abc_DEF-1.
                Again: https://steward.example/links/reference/abc_DEF-1
                (or remove your data: http://localhost:8080/links/referee-removal/xyz)
                Not a link: ftp://example.org/file""";

        assertThat(DevMailController.links(text)).containsExactly(
                "https://steward.example/links/reference/abc_DEF-1",
                "http://localhost:8080/links/referee-removal/xyz");
    }

    @Test
    void linksInTheHtmlPart_openInANewTab() {
        assertThat(DevMailController.linksInNewTab("<html><HEAD lang=\"en\"><title>t</title></head><body></body></html>"))
                .isEqualTo("<html><HEAD lang=\"en\"><base target=\"_blank\"><title>t</title></head><body></body></html>");
        assertThat(DevMailController.linksInNewTab("<p>no head</p>")).isEqualTo("<base target=\"_blank\"><p>no head</p>");
    }
}
