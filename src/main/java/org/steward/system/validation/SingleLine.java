package org.steward.system.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A name or other one-line field: no line breaks, tabs or other control characters, no bidi
 * overrides and no zero-width characters (they disguise what a reader sees). Null is valid.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.SingleLineValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {
    String message() default "must be one line of plain text (no control, zero-width or direction-changing characters)";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};
}
