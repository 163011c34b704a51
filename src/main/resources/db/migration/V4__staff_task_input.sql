-- What a person typed into a Tasklist form, between saving it and completing the task (issue 15):
-- free text lives here and then in the case's own tables, never in the engine. One row per open task.
CREATE TABLE staff_task_input (
    task_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    task_key      VARCHAR(255) NOT NULL,
    staff_user    VARCHAR(255) NOT NULL,
    input_json    MEDIUMTEXT   NOT NULL,
    outputs_json  MEDIUMTEXT   NOT NULL,
    staged_at     DATETIME(6)  NOT NULL
);
