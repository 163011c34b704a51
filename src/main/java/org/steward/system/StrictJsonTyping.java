package org.steward.system;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON input is taken as typed, also where application.properties cannot say it: a number, a
 * true/false or a list where text is expected is refused, not turned into "1", "true" (issue 7,
 * finding 10). ApiProblems names the field.
 */
@Configuration
class StrictJsonTyping {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder.postConfigurer(mapper -> {
            var text = mapper.coercionConfigFor(LogicalType.Textual);
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                    CoercionInputShape.Boolean, CoercionInputShape.Array, CoercionInputShape.Object}) {
                text.setCoercion(shape, CoercionAction.Fail);
            }
        });
    }
}
