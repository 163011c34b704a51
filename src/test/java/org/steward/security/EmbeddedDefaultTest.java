package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7, finding 1, in the embedded default as shipped (its own JVM, see {@link StartupProbe}):
 * /dev/mail shows every mail with its link tokens, so it needs a signed-in staff member even there.
 * Started beyond loopback, which it does only when told explicitly, and then with a warning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDefaultTest {

    private StartupProbe.Service service;

    @BeforeAll
    void start() {
        service = StartupProbe.start("--spring.profiles.active=embedded", "--server.address=0.0.0.0",
                "--steward.embedded.allow-non-loopback=true");
        assertThat(service.started()).as(service.output()).isTrue();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void beyondLoopback_onlyWhenToldExplicitly_andWithAWarning() {
        assertThat(service.output()).contains("WARN").contains("demo staff").contains("steward.embedded.allow-non-loopback=true");
    }

    @Test
    void devMail_sendsAnonymousVisitorsToSignIn() {
        for (String path : new String[] {"/dev/mail", "/dev/mail/0"}) {
            HttpResponse<String> response = new StaffClient(service.port()).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).get().asString().endsWith("/login");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"peter", "priya", "sam", "audrey", "ada"})
    void devMail_isOpenToEveryStaffGroup(String user) {
        assertThat(new StaffClient(service.port()).signIn(user).get("/dev/mail").statusCode()).isEqualTo(200);
    }
}
