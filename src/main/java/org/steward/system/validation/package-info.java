/** Constraints every module applies to what people type: part of the system module's API. */
@org.springframework.modulith.NamedInterface("validation")
package org.steward.system.validation;
