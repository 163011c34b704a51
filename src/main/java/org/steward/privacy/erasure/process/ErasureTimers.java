package org.steward.privacy.erasure.process;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long the process waits before asking the outbox again about the confirmation mail. */
@Component("erasureTimers")
public class ErasureTimers {

    private final Duration confirmationPoll;

    public ErasureTimers(@Value("${steward.privacy.erasure.confirmation-poll:PT1M}") Duration confirmationPoll) {
        this.confirmationPoll = confirmationPoll;
    }

    public String getConfirmationPoll() {
        return confirmationPoll.toString();
    }
}
