package org.steward.system;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
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

    /** 503, not 500, while the database is away; outside every other filter, Spring Security's included. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailable> databaseUnavailable() {
        FilterRegistrationBean<DatabaseUnavailable> registration = new FilterRegistrationBean<>(new DatabaseUnavailable());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** The same 503 for the engine REST API, whose own exception mappers answer before any filter sees the failure. */
    @Bean
    ResourceConfigCustomizer engineRestDatabaseUnavailable() {
        return config -> config.register(new EngineRestDatabaseUnavailable.DataAccess())
                .register(new EngineRestDatabaseUnavailable.Transaction())
                .register(new EngineRestDatabaseUnavailable.Persistence());
    }
}
