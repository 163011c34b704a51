package org.steward.tasks;

/** The signed-in staff member may not work on this task (not in its group, or claimed by someone else). */
class TaskAccessDenied extends RuntimeException {
    TaskAccessDenied(String message) {
        super(message);
    }
}
