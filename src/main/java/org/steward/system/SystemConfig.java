package org.steward.system;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(StewardProperties.class)
class SystemConfig {

    /** One clock for our own timestamps, so tests can reason about them. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
