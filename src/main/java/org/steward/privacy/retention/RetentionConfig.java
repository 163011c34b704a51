package org.steward.privacy.retention;

import org.steward.privacy.RetentionSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RetentionSettings.class)
class RetentionConfig {
}
