package org.steward.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs jobs as the job executor would, earliest due first, until none is due. Tests use it instead of the executor. */
public final class DueJobs {

    private static final int MOST_JOBS = 500;

    private DueJobs() {
    }

    public static void run(ManagementService management) {
        for (int executed = 0; executed < MOST_JOBS; executed++) {
            List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("Jobs keep appearing; a loop in the process?");
    }
}
