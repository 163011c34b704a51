package org.steward.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

/** What operators watch of the outbox (issue 14): how much waits, since when, how much was given up, and whether SMTP answers. */
@Service
public class OutboxMonitor {

    private final NamedParameterJdbcTemplate jdbc;
    private final JavaMailSender mailSender;

    OutboxMonitor(NamedParameterJdbcTemplate jdbc, JavaMailSender mailSender) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
    }

    /** Mails waiting to be sent or retried. */
    public long pending() {
        return count("PENDING");
    }

    /** Mails given up (FAILED), ever; their owners were told. */
    public long failed() {
        return count("FAILED");
    }

    /** When the oldest mail still waiting was queued. */
    public Optional<Instant> oldestPendingQueuedAt() {
        Timestamp oldest = jdbc.queryForObject("SELECT MIN(created_at) FROM outbox_message WHERE status = 'PENDING'",
                new MapSqlParameterSource(), Timestamp.class);
        return Optional.ofNullable(oldest).map(Timestamp::toInstant);
    }

    /** Connects to the SMTP server and says hello (no mail is sent); throws when it does not answer. */
    public void checkSmtp() throws jakarta.mail.MessagingException {
        if (mailSender instanceof JavaMailSenderImpl smtp) {
            smtp.testConnection();
        }
    }

    /** host:port of the SMTP server, for health details. */
    public String smtpServer() {
        return mailSender instanceof JavaMailSenderImpl smtp ? smtp.getHost() + ":" + smtp.getPort() : "unknown";
    }

    private long count(String status) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status = :status",
                new MapSqlParameterSource("status", status), Long.class);
        return count == null ? 0 : count;
    }
}
