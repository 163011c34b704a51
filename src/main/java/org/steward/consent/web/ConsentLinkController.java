package org.steward.consent.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.steward.consent.ConsentChoices;
import org.steward.consent.ConsentRenewals;
import org.steward.consent.FriendInvitations;
import org.steward.consent.Newsletters;
import org.steward.consent.PromotionReleases;
import org.steward.system.InvalidInputException;

/**
 * The member pages behind consent links (issue 11): preferences, renewal, unsubscribe, release
 * confirmation, invite a friend, and the friend's address removal. GET only shows; POST acts and uses
 * the link up. A form that breaks a rule is shown again with the message (400) and changes nothing.
 */
@Controller
class ConsentLinkController {

    private final ConsentChoices choices;
    private final ConsentRenewals renewals;
    private final Newsletters newsletters;
    private final PromotionReleases releases;
    private final FriendInvitations invitations;

    ConsentLinkController(ConsentChoices choices, ConsentRenewals renewals, Newsletters newsletters, PromotionReleases releases,
                          FriendInvitations invitations) {
        this.choices = choices;
        this.renewals = renewals;
        this.newsletters = newsletters;
        this.releases = releases;
        this.invitations = invitations;
    }

    // --- preferences (APP-6, CON-1, CON-2, CON-5) ---

    @GetMapping("/links/preferences/{token}")
    String preferences(@PathVariable String token, Model model) {
        model.addAttribute("preferences", choices.preferencesPage(token));
        return "consent/preferences";
    }

    @PostMapping("/links/preferences/{token}")
    String savePreferences(@PathVariable String token, @RequestParam(name = "offered", required = false) List<String> offered,
                           @RequestParam(name = "purposes", required = false) List<String> chosen, Model model,
                           HttpServletResponse response) {
        try {
            model.addAttribute("preferences", choices.savePreferences(token, offered, chosen));
            return "consent/preferences-saved";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("preferences", choices.preferencesPage(token));
            model.addAttribute("error", String.join("; ", e.fieldErrors().values()));
            return "consent/preferences";
        }
    }

    // --- renewal (CON-3) ---

    @GetMapping("/links/renew/{token}")
    String renewal(@PathVariable String token, Model model) {
        model.addAttribute("renewal", renewals.renewalPage(token));
        return "consent/renew";
    }

    @PostMapping("/links/renew/{token}")
    String renew(@PathVariable String token, Model model) {
        model.addAttribute("renewal", renewals.renew(token));
        return "consent/renewed";
    }

    // --- unsubscribe (CON-5, RFC 8058): the List-Unsubscribe URL ---

    @GetMapping("/links/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model) {
        model.addAttribute("unsubscribe", newsletters.unsubscribePage(token));
        model.addAttribute("oneClick", Newsletters.ONE_CLICK);
        return "consent/unsubscribe";
    }

    /**
     * RFC 8058 one-click: a POST whose body is {@code List-Unsubscribe=One-Click} (form-encoded or
     * multipart) withdraws MARKETING at once, with no cookie, no token but the link's and no page to
     * confirm. Anything else is a 400 and changes nothing.
     */
    @PostMapping("/links/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        String[] values = request.getParameterValues("List-Unsubscribe");
        boolean inQuery = request.getQueryString() != null && request.getQueryString().contains("List-Unsubscribe");
        if (inQuery || values == null || values.length != 1 || !"One-Click".equals(values[0])) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("oneClick", Newsletters.ONE_CLICK);
            return "consent/unsubscribe-refused";
        }
        newsletters.unsubscribe(token);
        return "consent/unsubscribed";
    }

    // --- promotion release (CON-4) ---

    @GetMapping("/links/release/{token}")
    String release(@PathVariable String token, Model model) {
        model.addAttribute("release", releases.releasePage(token));
        return "consent/release";
    }

    @PostMapping("/links/release/{token}")
    String answerRelease(@PathVariable String token, @RequestParam(name = "decision", required = false) String decision,
                         Model model, HttpServletResponse response) {
        if (!"CONFIRM".equals(decision) && !"REFUSE".equals(decision)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("release", releases.releasePage(token));
            model.addAttribute("error", "Choose whether you agree to this release or not.");
            return "consent/release";
        }
        model.addAttribute("release", releases.answer(token, "CONFIRM".equals(decision)));
        return "consent/release-answered";
    }

    // --- tell a friend (CON-7) ---

    @GetMapping("/links/invite/{token}")
    String invite(@PathVariable String token, Model model) {
        model.addAttribute("invite", invitations.invitePage(token));
        return "consent/invite";
    }

    @PostMapping("/links/invite/{token}")
    String sendInvite(@PathVariable String token, @RequestParam(name = "name", required = false) String name,
                      @RequestParam(name = "email", required = false) String email, Model model, HttpServletResponse response) {
        try {
            invitations.invite(token, name, email);
            return "consent/invited";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("invite", invitations.invitePage(token));
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("name", name);
            model.addAttribute("email", email);
            return "consent/invite";
        }
    }

    @GetMapping("/links/friend-removal/{token}")
    String friendRemoval(@PathVariable String token) {
        invitations.checkRemovalLink(token);
        return "consent/friend-removal";
    }

    @PostMapping("/links/friend-removal/{token}")
    String removeFriend(@PathVariable String token) {
        invitations.remove(token);
        return "consent/friend-removed";
    }
}
