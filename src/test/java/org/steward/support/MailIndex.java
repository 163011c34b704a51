package org.steward.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * What reached the test's SMTP sink, by recipient, with the time each mail arrived. Each mail is indexed as the sink
 * delivers it (GreenMail's delivery handler, wrapped), with the time of delivery. It used to read the whole sink
 * every 100 ms: in ApplicationFlowBenchmark that walk of every mailbox was a quarter of the driving JVM's CPU, on
 * the cores the service under test needs.
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

    /** How often a waiting person looks at their inbox. */
    public static final Duration INBOX_CHECK = Duration.ofMillis(200);

    private final UserManager users;
    private final MessageDeliveryHandler delivering;
    private final Map<String, List<Received>> byRecipient = new ConcurrentHashMap<>();
    private final List<Received> all = new CopyOnWriteArrayList<>();

    /** Indexes what the sink holds already, then every mail it delivers from now on until {@link #close}. */
    public MailIndex(GreenMail sink) {
        this.users = sink.getUserManager();
        this.delivering = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            GreenMailUser user = delivering.handle(message, address);
            try {
                index(message.getMessage(), address.getEmail());
            } catch (RuntimeException | MessagingException e) {
                // never refuse a delivery because the index could not read it; a waiting flow then times out and says so
            }
            return user;
        });
        for (MimeMessage message : sink.getReceivedMessages()) {
            try {
                for (Address address : message.getAllRecipients() == null ? new Address[0] : message.getAllRecipients()) {
                    index(message, address.toString());
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Waits until a mail to {@code recipient} whose subject starts with {@code subject} has arrived. Like a person
     * checking their inbox, it looks every {@link #INBOX_CHECK}: ApplicationFlowBenchmark's bare-engine drivers poll
     * at the same interval, so both sides of that comparison wait for the next step the same way.
     */
    public Received await(String recipient, String subject, Duration patience) {
        Instant until = Instant.now().plus(patience);
        while (true) {
            for (Received mail : of(recipient)) {
                if (mail.subject().startsWith(subject)) {
                    return mail;
                }
            }
            if (!Instant.now().isBefore(until)) {
                throw new IllegalStateException("no mail '" + subject + "' to " + recipient + " within " + patience);
            }
            lookAgainLater();
        }
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
            lookAgainLater();
        }
    }

    public List<Received> of(String recipient) {
        return byRecipient.getOrDefault(recipient, List.of());
    }

    public List<Received> all() {
        return List.copyOf(all);
    }

    private void index(MimeMessage message, String address) throws MessagingException {
        String to = address;
        int lt = to.indexOf('<');
        if (lt >= 0) {
            to = to.substring(lt + 1, to.indexOf('>', lt));
        }
        String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        Received received = new Received(to, message.getSubject(), message.getMessageID(), body, Instant.now());
        byRecipient.computeIfAbsent(to, r -> new CopyOnWriteArrayList<>()).add(received);
        all.add(received);
    }

    private static void lookAgainLater() {
        try {
            Thread.sleep(INBOX_CHECK.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** The sink delivers as it did before. */
    @Override
    public void close() {
        users.setMessageDeliveryHandler(delivering);
    }
}
