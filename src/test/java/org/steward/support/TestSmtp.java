package org.steward.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One real SMTP server (GreenMail) for the whole test JVM, on a free port; tests may stop and restart it. */
public final class TestSmtp {

    static {
        // As Steward does for its own mails (OutboxDispatcher): without a named stream provider jakarta.mail scans every
        // jar of the class path for one, for each message GreenMail stores. In ApplicationFlowBenchmark that scan was
        // half of the sink's CPU, taken from the two cores the service under test runs on.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    public static final int PORT = freePort();
    private static GreenMail server = start();

    private TestSmtp() {
    }

    public static synchronized GreenMail server() {
        return server;
    }

    /** Simulates an SMTP outage. */
    public static synchronized void stop() {
        server.stop();
    }

    public static synchronized void restart() {
        server = start();
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
