package org.steward.matching;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;

/** A delivered mail's body with quoted-printable soft breaks undone, for assertions. */
final class IntegrationTestsBody {

    private IntegrationTestsBody() {
    }

    static String of(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }
}
