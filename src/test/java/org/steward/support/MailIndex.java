package org.steward.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * What reached the test's SMTP sink, by recipient, with the time each mail was first seen. A background thread
 * reads the sink every 100 ms; flows wait on it instead of asking the sink themselves.
 */
public final class MailIndex implements AutoCloseable {

    /** One received mail. */
    public record Received(String recipient, String subject, String messageId, String body, Instant seenAt) {

        /** The first link in the mail whose path starts with {@code pathPrefix}, as a path. */
        public String link(String pathPrefix) {
            Matcher m = Pattern.compile("https?://[^/\\s\"]+(" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+)").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no " + pathPrefix + " link in '" + subject + "'");
            }
            return m.group(1);
        }
    }

    private final GreenMail sink;
    private final Map<String, List<Received>> byRecipient = new ConcurrentHashMap<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();
    private final Set<MimeMessage> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Thread reader;
    private volatile boolean running = true;

    public MailIndex(GreenMail sink) {
        this.sink = sink;
        this.reader = new Thread(this::readLoop, "mail-index");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until a mail to {@code recipient} whose subject starts with {@code subject} has arrived. */
    public Received await(String recipient, String subject, Duration patience) {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            for (Received mail : of(recipient)) {
                if (mail.subject().startsWith(subject)) {
                    return mail;
                }
            }
            sleep(100);
        }
        throw new IllegalStateException("no mail '" + subject + "' to " + recipient + " within " + patience);
    }

    /** Deliveries whose subject is exactly {@code subject}, a resend counted again. */
    public long countWithSubject(String subject) {
        return all().stream().filter(m -> m.subject().equals(subject)).count();
    }

    /** Waits until at least {@code atLeast} deliveries with exactly this subject have arrived. */
    public void awaitCount(String subject, long atLeast, Duration patience) {
        Instant until = Instant.now().plus(patience);
        while (countWithSubject(subject) < atLeast) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException(atLeast + " mails '" + subject + "' not within " + patience + " (have "
                        + countWithSubject(subject) + ")");
            }
            sleep(200);
        }
    }

    public List<Received> of(String recipient) {
        return byRecipient.getOrDefault(recipient, List.of());
    }

    public List<Received> all() {
        return List.copyOf(all);
    }

    private void readLoop() {
        while (running) {
            try {
                for (MimeMessage message : sink.getReceivedMessages()) {
                    if (!seen.contains(message)) {
                        index(message);
                        seen.add(message); // only once indexed: a mail that could not be read now is read next round
                    }
                }
            } catch (RuntimeException e) {
                // the sink is between restarts: read again next round
            }
            sleep(100);
        }
    }

    private void index(MimeMessage message) {
        try {
            Instant now = Instant.now();
            String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
            Address[] recipients = message.getAllRecipients();
            for (Address address : recipients == null ? new Address[0] : recipients) {
                String to = address.toString();
                int lt = to.indexOf('<');
                if (lt >= 0) {
                    to = to.substring(lt + 1, to.indexOf('>', lt));
                }
                Received received = new Received(to, message.getSubject(), message.getMessageID(), body, now);
                byRecipient.computeIfAbsent(to, r -> new CopyOnWriteArrayList<>()).add(received);
                all.add(received);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mails to the same recipient with the same subject more than once: the duplicates, with their Message-IDs. */
    public List<String> duplicates() {
        List<String> duplicates = new ArrayList<>();
        byRecipient.forEach((recipient, mails) -> mails.stream()
                .collect(java.util.stream.Collectors.groupingBy(Received::subject, java.util.stream.Collectors.toList()))
                .forEach((subject, same) -> {
                    if (same.size() > 1) {
                        duplicates.add(recipient + " '" + subject + "' x" + same.size() + " "
                                + same.stream().map(Received::messageId).toList());
                    }
                }));
        return duplicates;
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
