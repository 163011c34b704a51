package org.steward.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final boolean devMail;

    HomeController(@Value("${steward.dev-mail.enabled:false}") boolean devMail) {
        this.devMail = devMail;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("devMail", devMail);
        return "index";
    }
}
