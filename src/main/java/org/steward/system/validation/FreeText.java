package org.steward.system.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Multi-line text (a reason, a comment, a report part): newlines and tabs allowed, other control
 * characters, bidi overrides and zero-width characters refused. Null is valid.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.FreeTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
    String message() default "must be plain text (no control, zero-width or direction-changing characters)";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};
}
