package org.steward.support.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Camunda Tasklist (7.24, AngularJS): the filter column on the left, the task list in the middle,
 * the open task with its embedded form on the right, notifications at the top. Sign in first (the
 * service's one login reaches Tasklist). Every method waits for Tasklist to finish what it started.
 *
 * <pre>{@code
 * TasklistPage tasklist = TasklistPage.open(driver, url("/camunda/app/tasklist/default/"));
 * tasklist.openFilter("My group's tasks").openTask("Review application").claim();
 * tasklist.waitForFormText("References");          // the embedded form has loaded its data
 * tasklist.selectInForm("decision", "Approve").complete();
 * tasklist.waitForTaskWithIdGone(taskId);          // completed: Tasklist drops it, without a notification
 * tasklist.errorNotifications();                  // a refusal: Tasklist's red banners, "status: message"
 * }</pre>
 *
 * Embedded forms are plain HTML inside Tasklist's page (not a frame), so {@link #form()} gives the
 * form element for anything the helpers do not cover.
 */
public class TasklistPage extends Page {

    private static final By FILTERS = By.cssSelector(".task-filters .task-filter");
    private static final By TASKS = By.cssSelector("[cam-tasks] li.task");
    private static final By TASK_NAME_IN_LIST = By.cssSelector("h4.task a");
    private static final By OPEN_TASK_NAME = By.cssSelector(".task-details .task-card h2.task");
    private static final By CLAIM = By.cssSelector(".task-details button.claim");
    private static final By UNCLAIM = By.cssSelector(".task-details button.unclaim");
    private static final By FORM = By.cssSelector(".task-details .injected-form-wrapper form");
    private static final By COMPLETE = By.cssSelector(".task-details .form-actions button[ng-click='complete()']");
    private static final By NOTIFICATIONS = By.cssSelector(".page-notifications .notifications .alert");

    /** Wraps the page the driver shows now. */
    public TasklistPage(WebDriver driver) {
        super(driver);
    }

    /**
     * Opens Tasklist and waits until its filters have loaded. Tasklist's single-page app now and then stays
     * on its splash when one of its first requests is lost on a loaded machine; a person would reload the
     * page, and so does this, once. A Tasklist that does not load twice fails the test.
     */
    public static TasklistPage open(WebDriver driver, String tasklistUrl) {
        driver.get(tasklistUrl);
        TasklistPage page = new TasklistPage(driver);
        try {
            page.waitFor(FILTERS);
        } catch (org.openqa.selenium.TimeoutException stuckOnSplash) {
            driver.navigate().refresh();
            page.waitFor(FILTERS);
        }
        return page;
    }

    /** The filters offered, in Tasklist's order (by priority), without their task counters. */
    public List<String> filterNames() {
        waitFor(FILTERS);
        return driver.findElements(FILTERS).stream()
                .map(filter -> filter.findElement(By.cssSelector("h4.name a")))
                .map(TasklistPage::ownText)
                .toList();
    }

    /** Focuses a filter and waits for its task list. */
    public TasklistPage openFilter(String name) {
        WebElement filter = waitUntil(d -> d.findElements(FILTERS).stream()
                .filter(f -> ownText(f.findElement(By.cssSelector("h4.name a"))).equals(name))
                .findFirst().orElse(null));
        filter.findElement(By.cssSelector("h4.name a")).click();
        waitUntil(d -> {
            try {
                return filter.getDomAttribute("class").contains("active");
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
        waitForListLoaded();
        return this;
    }

    /** The names of the tasks in the current list. */
    public List<String> taskNames() {
        waitForListLoaded();
        return driver.findElements(TASKS).stream()
                .map(task -> task.findElement(TASK_NAME_IN_LIST).getText().trim())
                .toList();
    }

    /** Waits until a task whose name contains {@code text} is listed (Tasklist refreshes the list itself). */
    public TasklistPage waitForTask(String text) {
        waitUntil(d -> findTask(text) != null);
        return this;
    }

    /** Opens the first listed task whose name contains {@code text} and waits for its details. */
    public TasklistPage openTask(String text) {
        WebElement task = waitUntil(d -> findTask(text));
        task.findElement(TASK_NAME_IN_LIST).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(OPEN_TASK_NAME, text));
        return this;
    }

    /**
     * Opens the listed task with this id (each list entry links to "#/?task=ID"): the way to pick one
     * task among several of the same name.
     */
    public TasklistPage openTaskWithId(String taskId) {
        WebElement entry = waitForClickable(taskEntry(taskId));
        try {
            scrollAndClick(entry);
        } catch (org.openqa.selenium.ElementClickInterceptedException coveredByTheFooter) {
            // With many tasks listed, Tasklist's fixed footer can cover the entry even after scrolling.
            jsClick(entry);
        }
        waitUntil(d -> d.getCurrentUrl().contains("task=" + taskId));
        waitFor(OPEN_TASK_NAME);
        return this;
    }

    /** The name of the open task, as its heading shows it. */
    public String openTaskName() {
        return text(OPEN_TASK_NAME).trim();
    }

    /** Claims the open task and waits until it is assigned to the signed-in user. */
    public TasklistPage claim() {
        scrollAndClick(waitForClickable(CLAIM));
        waitFor(UNCLAIM);
        return this;
    }

    public boolean isClaimable() {
        return present(CLAIM);
    }

    /** The open task's embedded form. */
    public WebElement form() {
        return waitFor(FORM);
    }

    /** Waits until the embedded form shows {@code text} (forms load their data after they appear). */
    public TasklistPage waitForFormText(String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(FORM, text));
        return this;
    }

    public String formText() {
        return form().getText();
    }

    /** Chooses an option by its visible text in the form's select with this id. */
    public TasklistPage selectInForm(String fieldId, String visibleText) {
        new Select(form().findElement(By.id(fieldId))).selectByVisibleText(visibleText);
        return this;
    }

    /** Chooses the radio button {@code value} of the Steward form field {@code name}. */
    public TasklistPage chooseInForm(String name, String value) {
        scrollAndClick(form().findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")));
        return this;
    }

    /** Waits for the messages a Steward form shows next to its fields (its own checks or the server's 400). */
    public List<String> waitForFieldErrors() {
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".steward-error")));
        return texts(By.cssSelector(".steward-error"));
    }

    public TasklistPage typeInForm(String fieldId, String text) {
        WebElement field = form().findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Presses Complete once Tasklist enables it (it stays disabled while the form is invalid). */
    public TasklistPage complete() {
        scrollAndClick(waitForClickable(COMPLETE)); // Tasklist's fixed footer covers the bottom of the form
        return this;
    }

    public boolean completeEnabled() {
        return driver.findElement(COMPLETE).isEnabled();
    }

    /** The texts of Tasklist's notifications now on screen (success and failure banners). */
    public List<String> notifications() {
        return texts(NOTIFICATIONS).stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /**
     * The failure notifications on screen ("status: message", e.g. a task the server refused to
     * complete). Tasklist shows no notification when a task completes: it drops it from the list.
     */
    public List<String> errorNotifications() {
        return texts(By.cssSelector(".page-notifications .notifications .alert-danger, .page-notifications .notifications .alert-error"))
                .stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** Waits for a notification containing {@code text} and returns its whole text. */
    public String waitForNotification(String text) {
        return waitUntil(d -> notifications().stream().filter(n -> n.contains(text)).findFirst().orElse(null));
    }

    /** Waits until no task whose name contains {@code text} is listed any more. */
    public TasklistPage waitForTaskGone(String text) {
        waitUntil(d -> findTask(text) == null);
        return this;
    }

    /** Waits until the task with this id has left the list (completed, or no longer the user's to see). */
    public TasklistPage waitForTaskWithIdGone(String taskId) {
        waitUntil(d -> d.findElements(taskEntry(taskId)).isEmpty());
        return this;
    }

    private static By taskEntry(String taskId) {
        return By.cssSelector("[cam-tasks] li.task h4.task a[href*='task=" + taskId + "']");
    }

    private WebElement findTask(String text) {
        try {
            return driver.findElements(TASKS).stream()
                    .filter(task -> task.findElement(TASK_NAME_IN_LIST).getText().contains(text))
                    .findFirst().orElse(null);
        } catch (StaleElementReferenceException e) {
            return null; // Tasklist re-rendered the list; ask again
        }
    }

    private void waitForListLoaded() {
        waitUntil(d -> !d.findElements(By.cssSelector("[cam-tasks] > .loader.ng-hide")).isEmpty());
    }

    /** A filter link's text without the counter Tasklist puts inside it. */
    private static String ownText(WebElement link) {
        String all = link.getText();
        List<WebElement> counter = link.findElements(By.cssSelector(".counter"));
        if (!counter.isEmpty() && !counter.get(0).getText().isEmpty()) {
            // Tasklist refreshes the counter on its own: read between the two texts, it may have changed.
            int at = all.lastIndexOf(counter.get(0).getText());
            all = at >= 0 ? all.substring(0, at) : all.replaceAll("\\s*\\d+$", "");
        }
        return all.trim();
    }
}
