package org.steward.security;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is completing a task: the staff user the engine was told about (Tasklist, /engine-rest), or null for the engine itself. */
public final class CurrentStaffUser {

    private CurrentStaffUser() {
    }

    public static String of(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
