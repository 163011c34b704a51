package org.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.steward.support.IntegrationTest;
import org.steward.tasks.TaskForm;

/**
 * Every user task of BreachNotificationProcess is built the one way (issue 15, issue 8 item 2): it names
 * staffTaskListener for create, complete and delete, has a TaskForm bean, a hand-made embedded form that
 * the application serves, and no generated form fields (which would write typed text to history).
 * The start event's form is the "Report a security incident" start form (issue 8 item 5).
 */
class BreachTaskFormsTest extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void everyUserTaskHasTheStaffTaskListenerATaskFormAndAnEmbeddedForm() throws Exception {
        BpmnModelInstance model;
        try (InputStream bpmn = new ClassPathResource("bpmn/BreachNotificationProcess.bpmn").getInputStream()) {
            model = Bpmn.readModelFromStream(bpmn);
        }
        Map<String, TaskForm> forms = context.getBeansOfType(TaskForm.class).values().stream()
                .collect(Collectors.toMap(TaskForm::taskKey, form -> form));
        Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
        assertThat(tasks).extracting(UserTask::getId).containsExactlyInAnyOrder(BreachProcess.TASK_TRIAGE,
                BreachProcess.TASK_APPROVE_ISO_NOTICE, BreachProcess.TASK_WRITE_WRITTEN_REPORT, BreachProcess.TASK_WRITE_STATUS_REPORT,
                BreachProcess.TASK_APPROVE_MEMBER_NOTICE, BreachProcess.TASK_RECORD_SUPERVISORY_AUTHORITY);

        for (UserTask task : tasks) {
            List<String> listeners = task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()
                    .stream().filter(l -> "${staffTaskListener}".equals(l.getCamundaDelegateExpression()))
                    .map(CamundaTaskListener::getCamundaEvent).toList();
            assertThat(listeners).as(task.getId()).containsExactlyInAnyOrder("create", "complete", "delete");
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).count())
                    .as("%s has no other task listener", task.getId()).isEqualTo(3);
            assertThat(forms).as("TaskForm bean for %s", task.getId()).containsKey(task.getId());
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFormData.class).count())
                    .as("%s has no generated form fields", task.getId()).isZero();
            assertThat(task.getCamundaDueDate()).as(task.getId()).startsWith("${breachTimers.due(execution, ");
            assertFormServed(task.getId(), task.getCamundaFormKey());
            assertThat(task.getDocumentations()).as(task.getId()).isNotEmpty()
                    .allSatisfy(doc -> assertThat(doc.getTextContent()).containsPattern("BRE-[1-6]"));
        }
        StartEvent reported = model.getModelElementById("StartEvent_IncidentReported");
        assertFormServed(reported.getId(), reported.getCamundaFormKey());
    }

    private void assertFormServed(String element, String formKey) {
        assertThat(formKey).as(element).startsWith("embedded:/forms/");
        String path = formKey.substring("embedded:".length());
        var served = browser.getJson(path, "sam");
        assertThat(served.statusCode()).as("%s serves %s", element, path).isEqualTo(200);
        assertThat(served.body()).as(path).doesNotContain("cam-variable-name", "alert(", "confirm(");
    }
}
