package org.steward.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's SMTP sink: GreenMail in-process on spring.mail.port, so mail really goes
 * through SMTP and a developer reads it at /dev/mail. Absent unless steward.dev-mail.enabled.
 */
@Configuration
@ConditionalOnProperty(name = "steward.dev-mail.enabled", havingValue = "true")
class DevMailSink {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail devMailServer(@Value("${spring.mail.port}") int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
}
