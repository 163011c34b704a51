package org.steward.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** /dev/mail: every mail the embedded sink received, newest first. Embedded default only. */
@Controller
@ConditionalOnProperty(name = "steward.dev-mail.enabled", havingValue = "true")
class DevMailController {

    private final GreenMail sink;

    DevMailController(GreenMail sink) {
        this.sink = sink;
    }

    record MailSummary(int index, String to, String subject, String sentAt) {
    }

    @GetMapping("/dev/mail")
    String list(Model model) throws MessagingException {
        MimeMessage[] messages = sink.getReceivedMessages();
        List<MailSummary> summaries = new ArrayList<>();
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage m = messages[i];
            summaries.add(new MailSummary(i, String.join(", ", recipients(m)), m.getSubject(),
                    m.getSentDate() == null ? "" : m.getSentDate().toInstant().toString()));
        }
        model.addAttribute("mails", summaries);
        return "dev/mail-list";
    }

    @GetMapping("/dev/mail/{index}")
    String show(@PathVariable int index, Model model) throws MessagingException, IOException {
        MimeMessage[] messages = sink.getReceivedMessages();
        if (index < 0 || index >= messages.length) {
            throw new NotFoundException("No mail " + index);
        }
        MimeMessage message = messages[index];
        model.addAttribute("to", String.join(", ", recipients(message)));
        model.addAttribute("subject", message.getSubject());
        model.addAttribute("text", part(message, "text/plain"));
        model.addAttribute("html", part(message, "text/html"));
        return "dev/mail-show";
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        List<String> to = new ArrayList<>();
        if (message.getRecipients(Message.RecipientType.TO) != null) {
            for (var address : message.getRecipients(Message.RecipientType.TO)) {
                to.add(address.toString());
            }
        }
        return to;
    }

    private static String part(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
