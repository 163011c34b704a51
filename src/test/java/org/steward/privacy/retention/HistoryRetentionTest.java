package org.steward.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.steward.support.IntegrationTest;

/**
 * RET-2: Camunda history is cleaned by removal time, with a time-to-live per process definition. The rule:
 * every executable process in bpmn/ declares camunda:historyTimeToLive (this test reads the files, so a process
 * added later is held to it; the engine also refuses to deploy one without it); a finished instance's history
 * gets removal time = end + TTL; the cleanup job deletes it once that time has passed.
 */
class HistoryRetentionTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void engineClockBackToNow() {
        ClockUtil.reset();
    }

    @Test
    void everyProcessModel_declaresAHistoryTimeToLive() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).extracting(f -> f.getFileName().toString())
                .contains("ApplicationApprovalProcess.bpmn", "MemberDeactivationProcess.bpmn", "RetentionSweepProcess.bpmn");
        for (Path model : models) {
            BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
            for (Process process : bpmn.getModelElementsByType(Process.class)) {
                if (process.isExecutable()) {
                    assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s in %s", process.getId(), model)
                            .isNotBlank().matches("P\\d+D|\\d+");
                }
            }
        }
        ProcessEngineConfigurationImpl config = configuration();
        assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
    }

    @Test
    void historyIsCleanedByRemovalTime_inTheNightlyWindow() {
        ProcessEngineConfigurationImpl config = configuration();
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.isHistoryCleanupEnabled()).isTrue();
        List<Job> cleanup = historyService.findHistoryCleanupJobs();
        assertThat(cleanup).as("the history cleanup job, scheduled at start (HistoryCleanupSchedule on H2)").hasSize(1);
        java.time.LocalTime due = cleanup.get(0).getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalTime();
        assertThat(due).as("due in the window").isBetween(java.time.LocalTime.of(1, 0), java.time.LocalTime.of(5, 0));
    }

    @Test
    void aFinishedInstance_getsItsRemovalTime_andTheCleanupDeletesItAfterwards() {
        ProcessInstance sweep = runtimeService.createMessageCorrelation("Msg_RetentionSweepRequested").correlateStartMessage();
        for (Job job; (job = managementService.createJobQuery().processInstanceId(sweep.getId()).singleResult()) != null; ) {
            managementService.executeJob(job.getId());
        }
        HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(sweep.getId()).singleResult();
        assertThat(finished.getEndTime()).isNotNull();
        assertThat(finished.getRemovalTime()).isEqualTo(new Date(finished.getEndTime().getTime() + 30L * 24 * 3600 * 1000)); // P30D

        ClockUtil.setCurrentTime(new Date(finished.getEndTime().getTime() + 29L * 24 * 3600 * 1000));
        cleanUpNow();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(sweep.getId()).count()).isEqualTo(1);

        ClockUtil.setCurrentTime(new Date(finished.getRemovalTime().getTime() + 60_000));
        cleanUpNow();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(sweep.getId()).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(sweep.getId()).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(sweep.getId()).count()).isZero();
    }

    /** Runs the cleanup job now instead of waiting for the window, as an operator can. */
    private void cleanUpNow() {
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(cleanup.getId());
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
