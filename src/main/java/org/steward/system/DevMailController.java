package org.steward.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * /dev/mail: every mail the embedded SMTP sink received, newest first, each under an id that never
 * changes (derived from its Message-ID, so new mail does not shift old links). A mail's HTML part is
 * shown in a sandboxed frame (its styles cannot touch this page, its scripts never run, its links
 * open in a new tab) beside the plain-text part and the links found in it. Embedded default only.
 */
@Controller
@ConditionalOnProperty(name = "steward.dev-mail.enabled", havingValue = "true")
class DevMailController {

    private static final Pattern MAIL_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')\\]]+");
    private static final Pattern HEAD_TAG = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** Every link in the frame opens in a new tab (the sandbox allows popups, nothing else). */
    private static final String LINKS_OPEN_IN_NEW_TAB = "<base target=\"_blank\">";

    private final GreenMail sink;

    DevMailController(GreenMail sink) {
        this.sink = sink;
    }

    record MailSummary(String id, String receivedAt, String to, String subject) {
    }

    @GetMapping("/dev/mail")
    String list(Model model) throws MessagingException {
        List<MailSummary> summaries = new ArrayList<>();
        for (Received mail : newestFirst()) {
            summaries.add(new MailSummary(mail.id(), RECEIVED.format(mail.stored().getReceivedDate().toInstant()),
                    String.join(", ", recipients(mail.message())), mail.message().getSubject()));
        }
        model.addAttribute("mails", summaries);
        return "dev/mail-list";
    }

    @GetMapping("/dev/mail/{id}")
    String show(@PathVariable String id, Model model) throws MessagingException, IOException {
        Received mail = MAIL_ID.matcher(id).matches() ? newestFirst().stream()
                .filter(m -> m.id().equals(id)).findFirst().orElse(null) : null;
        if (mail == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such mail");
        }
        MimeMessage message = mail.message();
        String html = part(message, "text/html");
        String text = part(message, "text/plain");
        model.addAttribute("id", mail.id());
        model.addAttribute("receivedAt", RECEIVED.format(mail.stored().getReceivedDate().toInstant()));
        model.addAttribute("from", addresses(message.getFrom()));
        model.addAttribute("to", String.join(", ", recipients(message)));
        model.addAttribute("subject", message.getSubject());
        model.addAttribute("html", html == null ? null : linksInNewTab(html));
        model.addAttribute("text", text);
        model.addAttribute("links", text == null ? List.of() : links(text));
        return "dev/mail-show";
    }

    private record Received(String id, StoredMessage stored) {
        MimeMessage message() {
            return stored.getMimeMessage();
        }
    }

    /** One entry per mail: GreenMail keeps a copy per recipient's mailbox, all with the same Message-ID. */
    private List<Received> newestFirst() throws MessagingException {
        Map<String, Received> byId = new LinkedHashMap<>();
        for (StoredMessage stored : sink.getManagers().getImapHostManager().getAllMessages()) {
            String id = idOf(stored);
            byId.putIfAbsent(id, new Received(id, stored));
        }
        List<Received> mails = new ArrayList<>(byId.values());
        mails.sort(Comparator.comparing((Received m) -> m.stored().getReceivedDate()).reversed());
        return mails;
    }

    private static String idOf(StoredMessage stored) throws MessagingException {
        String messageId = stored.getMimeMessage().getMessageID();
        String key = messageId != null ? messageId
                : stored.getReceivedDate().getTime() + "\n" + stored.getMimeMessage().getSubject();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        List<String> to = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] addresses = message.getRecipients(type);
            if (addresses != null) {
                for (Address address : addresses) {
                    to.add(address.toString());
                }
            }
        }
        return to;
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        List<String> all = new ArrayList<>();
        for (Address address : addresses) {
            all.add(address.toString());
        }
        return String.join(", ", all);
    }

    static String linksInNewTab(String html) {
        Matcher head = HEAD_TAG.matcher(html);
        if (head.find()) {
            return html.substring(0, head.end()) + LINKS_OPEN_IN_NEW_TAB + html.substring(head.end());
        }
        return LINKS_OPEN_IN_NEW_TAB + html;
    }

    static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String link = m.group().replaceAll("[.,;:!?]+$", "");
            if (!links.contains(link)) {
                links.add(link);
            }
        }
        return links;
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
