package org.steward.links;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Used, expired and unknown links get a plain page that says so. */
@ControllerAdvice
class InvalidLinkPage {

    @ExceptionHandler(InvalidLinkException.class)
    ModelAndView invalidLink(InvalidLinkException e) {
        HttpStatus status = e.reason() == InvalidLinkException.Reason.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
        ModelAndView page = new ModelAndView("links/invalid", status);
        page.addObject("reason", e.reason().name());
        return page;
    }
}
