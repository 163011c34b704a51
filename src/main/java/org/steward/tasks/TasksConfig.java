package org.steward.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TasksConfig {

    /** After Spring Security (who is asking is known), before the engine's REST resources. */
    @Bean
    FilterRegistrationBean<EngineTaskGuard> engineTaskGuard(StaffTasks tasks, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new EngineTaskGuard(tasks, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(0);
        return registration;
    }

    /** Like the completion guard: after Spring Security, before the engine's REST resources. */
    @Bean
    FilterRegistrationBean<EngineStartGuard> engineStartGuard(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new EngineStartGuard(json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(0);
        return registration;
    }
}
