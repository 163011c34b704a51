package org.steward.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 503 warning names the page a member opened, never the single-use token in its link. */
class DatabaseUnavailableTest {

    @Test
    void aLinkTokenNeverReachesTheLog() {
        assertThat(DatabaseUnavailable.withoutLinkToken("/links/reference/DWEEO3X5VrwOGIBnZXO3OBLqFZxYQhiWTPHTD9z5AJQ"))
                .isEqualTo("/links/reference/{token}");
        assertThat(DatabaseUnavailable.withoutLinkToken("/steward/links/confirm-email/abc_DEF-123?x=1"))
                .isEqualTo("/steward/links/confirm-email/{token}?x=1");
        assertThat(DatabaseUnavailable.withoutLinkToken("/api/applications")).isEqualTo("/api/applications");
    }
}
