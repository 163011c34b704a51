package org.steward.privacy.processors.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.steward.privacy.processors.ErasureInstructions;

/**
 * The processor's confirmation link (DSR-7): GET shows the instruction and a button (mail scanners open
 * links), POST confirms, once. Used, expired or unknown: the "link not valid" page of the links module.
 */
@Controller
class InstructionLinkController {

    private final ErasureInstructions instructions;

    InstructionLinkController(ErasureInstructions instructions) {
        this.instructions = instructions;
    }

    @GetMapping("/links/processor-instruction/{token}")
    String page(@PathVariable String token, Model model) {
        model.addAttribute("instruction", instructions.checkLink(token));
        return "links/processor-instruction";
    }

    @PostMapping("/links/processor-instruction/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("instruction", instructions.confirm(token));
        return "links/processor-instruction-confirmed";
    }
}
