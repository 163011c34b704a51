package org.steward.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.steward.application.ApplicationProcess;
import org.steward.mail.MailOutbox;
import org.steward.support.IntegrationTest;

/**
 * Issue 14 item 6: a line logged while a process step runs (here the outbox's "queued" line, logged by the applicant's
 * confirmation step) carries the case's business key and the process instance id in its MDC (Camunda's logging
 * context, application.properties), and the JSON form (logging.structured.format.console=ecs) has both as fields.
 * Neither the line nor its context holds the applicant's address.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DelegateLogContextTest extends IntegrationTest {

    @Test
    void aLineLoggedDuringADelegate_carriesTheCaseAndProcessInstance_andNoAddress() {
        Logger outboxLog = (Logger) LoggerFactory.getLogger(MailOutbox.class);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = outboxLog.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        outboxLog.setLevel(Level.DEBUG);
        String applicant = uniqueEmail("logged");
        String businessKey;
        String processId;
        try {
            HttpResponse<String> submitted = browser.postJson("/api/applications", applicationJson(applicant, uniqueEmail("referee")), null);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            businessKey = ApplicationProcess.businessKey(idFrom(submitted.body()));
            processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
            runDueJobs();
        } finally {
            outboxLog.setLevel(level);
            root.detachAppender(captured);
        }

        List<ILoggingEvent> queued;
        synchronized (captured) {
            queued = captured.list.stream()
                    .filter(e -> e.getFormattedMessage().startsWith("Outbox: queued"))
                    .filter(e -> businessKey.equals(e.getMDCPropertyMap().get("businessKey"))).toList();
        }
        assertThat(queued).as("the confirmation step's outbox line, with its case").isNotEmpty();
        ILoggingEvent line = queued.get(0);
        Map<String, String> context = line.getMDCPropertyMap();
        assertThat(context).containsEntry("businessKey", businessKey).containsEntry("processInstanceId", processId)
                .containsEntry("processDefinitionKey", ApplicationProcess.KEY).containsKey("activityId");
        assertThat(line.getFormattedMessage() + context).doesNotContain(applicant).doesNotContainPattern("@example\\.org");

        StructuredLogEncoder ecs = new StructuredLogEncoder();
        ecs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        ecs.setFormat("ecs");
        ecs.start();
        String json = new String(ecs.encode(line), StandardCharsets.UTF_8);
        ecs.stop();
        assertThat(json).contains("\"businessKey\":\"" + businessKey + "\"", "\"processInstanceId\":\"" + processId + "\"",
                "\"message\":\"Outbox: queued").doesNotContain(applicant);
    }
}
