package org.steward.privacy.requests.web;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.steward.privacy.requests.ExportFile;
import org.steward.privacy.requests.PrivacyRequests;
import org.steward.privacy.requests.RequestActions;

/**
 * The links of a data-subject request: verification (DSR-2) and download (DSR-9). GET only shows a page
 * with a button (mail scanners open links); POST verifies, once, or downloads.
 */
@Controller
class RequestLinkController {

    private final PrivacyRequests requests;
    private final RequestActions actions;

    RequestLinkController(PrivacyRequests requests, RequestActions actions) {
        this.requests = requests;
        this.actions = actions;
    }

    @GetMapping("/links/privacy-request/{token}")
    String verifyPage(@PathVariable String token, Model model) {
        model.addAttribute("type", requests.checkVerificationLink(token).label());
        return "links/verify-privacy-request";
    }

    @PostMapping("/links/privacy-request/{token}")
    String verify(@PathVariable String token) {
        try {
            return requests.verify(token) ? "links/privacy-request-verified" : "links/closed";
        } catch (MismatchingMessageCorrelationException e) {
            return "links/closed";
        }
    }

    @GetMapping("/links/privacy-export/{token}")
    String downloadPage(@PathVariable String token) {
        actions.checkDownloadLink(token);
        return "links/privacy-export";
    }

    @PostMapping("/links/privacy-export/{token}")
    ResponseEntity<byte[]> download(@PathVariable String token, @RequestParam(defaultValue = "json") String format) {
        ExportFile file = actions.download(token, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.filename()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content().getBytes(StandardCharsets.UTF_8));
    }
}
