/**
 * Constraints every module applies to its input (@SingleLine, @FreeText): an interface of the system
 * module other modules may use.
 */
@NamedInterface("validation")
package org.steward.system.validation;

import org.springframework.modulith.NamedInterface;
