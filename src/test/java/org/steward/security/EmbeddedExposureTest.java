package org.steward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Issue 7, finding 1: the embedded default (demo staff with password "demo", /dev/mail) must never be
 * reachable from another machine by accident, and the production profile has no default password.
 * Start-ups run in their own JVM, as an operator would start the jar; /dev/mail's sign-in:
 * {@link DevMailAccessTest}; the production profile's users: {@link ProductionProfileTest}.
 */
class EmbeddedExposureTest {

    @Test
    void theEmbeddedDefault_refusesToListenBeyondLoopback_withOneClearMessage() {
        StartupProbe.Service result = StartupProbe.run("--spring.profiles.active=embedded", "--server.address=0.0.0.0");
        assertThat(result.started()).as(result.output()).isFalse();
        assertThat(result.output()).contains("loopback").contains("steward.embedded.allow-non-loopback=true")
                .doesNotContain("\tat ");
    }

    @Test
    void theEmbeddedDefault_listensOnLoopback() throws IOException {
        assertThat(Files.readString(Path.of("src/main/resources/application-embedded.properties")))
                .containsPattern("(?m)^server\\.address=127\\.0\\.0\\.1$");
    }

    @Test
    void theProductionProfile_refusesToStartWithoutAStrongAdminPassword() {
        StartupProbe.Service missing = StartupProbe.run("--spring.profiles.active=mysql");
        assertThat(missing.started()).isFalse();
        assertThat(missing.output()).contains("STEWARD_ADMIN_PASSWORD").contains("at least 12 characters").doesNotContain("\tat ");

        StartupProbe.Service shortPassword = StartupProbe.run("--spring.profiles.active=mysql",
                "--camunda.bpm.admin-user.password=admin12345");
        assertThat(shortPassword.started()).isFalse();
        assertThat(shortPassword.output()).contains("at least 12 characters").doesNotContain("admin12345").doesNotContain("\tat ");
    }

    @Test
    void theProductionProfile_namesABadAdministratorIdInOneLine_insteadOfAStackTrace() {
        StartupProbe.Service result = StartupProbe.run("--spring.profiles.active=mysql",
                "--camunda.bpm.admin-user.password=a long admin passphrase", "--camunda.bpm.admin-user.id=adm!n");
        assertThat(result.started()).isFalse();
        assertThat(result.output()).contains("adm!n").contains("letters, digits and hyphens").doesNotContain("\tat ");
    }

    @Test
    void theImageAndComposeFile_runTheProductionProfile_asANonRootUser_withPinnedImages() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^ENV SPRING_PROFILES_ACTIVE=mysql$")
                .containsPattern("(?m)^USER (?!root\\b|0\\b)\\S+$");
        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertThat(compose).containsPattern("image: mysql:8\\.0\\.\\d+\\s")
                .containsPattern("image: axllent/mailpit:v\\d+\\.\\d+\\.\\d+\\s")
                .doesNotContain(":latest")
                .containsPattern("SPRING_PROFILES_ACTIVE: mysql");
    }
}
