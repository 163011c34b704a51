package org.steward.mail;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way the service sends email: the mail is rendered and stored in the caller's
 * transaction, so it exists exactly when the business step that wants it commits.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final OutboxRepository repository;
    private final MailRenderer renderer;
    private final Clock clock;

    MailOutbox(OutboxRepository repository, MailRenderer renderer, Clock clock) {
        this.repository = repository;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** @return false when a mail for this business event is already queued or sent */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Mail mail) {
        if (repository.existsByIdempotencyKey(mail.idempotencyKey())) {
            log.info("Mail {} already in the outbox; not queued again", mail.idempotencyKey());
            return false;
        }
        RenderedMail rendered = renderer.render(mail);
        repository.save(new OutboxMessage(mail.idempotencyKey(), mail.subjectRef(), mail.template(),
                mail.recipient(), rendered, clock.instant()));
        return true;
    }
}
