package org.steward.audit.view;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The auditors' pages answer a filter they cannot use with a 400 page naming what is wrong, never a 5xx (AUD-2, AUD-4). */
@ControllerAdvice(basePackages = "org.steward.audit.view")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditPageErrors {

    @ExceptionHandler(BadAuditRequest.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(BadAuditRequest e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "audit/bad-request";
    }
}
