package org.steward.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Reached only by forward from {@link LoginFailureHandler}, which set the status (429) and Retry-After. */
    @RequestMapping(LoginFailureHandler.THROTTLED_PAGE)
    String throttled(HttpServletRequest request, Model model) {
        model.addAttribute("waitSeconds", request.getAttribute(LoginFailureHandler.WAIT_ATTRIBUTE));
        return "login";
    }
}
