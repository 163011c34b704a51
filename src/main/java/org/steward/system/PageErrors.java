package org.steward.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages: something asked for by an id that does not exist, or by one that is not even a number
 * (/staff/organisations/-1, /abc), shows the 404 page, not a 500 (issue 7, finding 10). APIs get
 * problem details from {@link ApiProblems}, which comes first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void malformed(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
        boolean inThePath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        response.sendError(inThePath ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
    }
}
