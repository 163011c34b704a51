package org.steward.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server (RFC 5321, just what JavaMail says) that answers by recipient, for the 4xx/5xx tests
 * (issue 14), which GreenMail cannot do selectively: a recipient whose local part starts with {@code bounce-}
 * gets {@code 550 5.1.1} (permanent), one starting with {@code greylist-} gets {@code 451 4.7.1} for its first
 * {@link #GREYLIST_REFUSALS} attempts and is accepted afterwards, everyone else is accepted. Keeps what it accepted
 * (recipient, Message-ID) and counts every RCPT it answered.
 */
public final class RejectingSmtp implements AutoCloseable {

    public static final int GREYLIST_REFUSALS = 2;

    /** One accepted message: for each recipient, the Message-ID header it carried. */
    public record Accepted(String recipient, String messageId) {
    }

    private final ServerSocket socket;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "rejecting-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Accepted> accepted = new ArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public RejectingSmtp() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        connections.submit(this::acceptLoop);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public synchronized List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** How many times this recipient was offered (RCPT TO), whatever the answer. */
    public int attempts(String recipient) {
        AtomicInteger count = attempts.get(recipient.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.submit(() -> converse(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client) {
        try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(30_000);
            reply(out, "220 rejecting-smtp ready");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 rejecting-smtp");
                } else if (command.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 2.1.0 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String recipient = address(line);
                    int attempt = attempts.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                    if (recipient.startsWith("bounce-")) {
                        reply(out, "550 5.1.1 <" + recipient + ">: no such user here");
                    } else if (recipient.startsWith("greylist-") && attempt <= GREYLIST_REFUSALS) {
                        reply(out, "451 4.7.1 <" + recipient + ">: greylisted, try again later");
                    } else {
                        recipients.add(recipient);
                        reply(out, "250 2.1.5 OK");
                    }
                } else if (command.equals("DATA")) {
                    if (recipients.isEmpty()) {
                        reply(out, "554 5.5.1 no valid recipients");
                        continue;
                    }
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    String messageId = null;
                    boolean headers = true;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (headers && line.isEmpty()) {
                            headers = false;
                        } else if (headers && line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                            messageId = line.substring("message-id:".length()).trim();
                        }
                    }
                    synchronized (this) {
                        for (String recipient : recipients) {
                            accepted.add(new Accepted(recipient, messageId));
                        }
                    }
                    recipients.clear();
                    reply(out, "250 2.0.0 queued");
                } else if (command.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 2.0.0 OK");
                } else if (command.startsWith("NOOP")) {
                    reply(out, "250 2.0.0 OK");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        String address = open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).trim();
        return address.toLowerCase(Locale.ROOT);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
        connections.shutdownNow();
    }
}
