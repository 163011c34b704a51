package org.steward.support.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The auditors' pages (AUD-2, AUD-4): the case list, a case timeline, the breach report. */
public class AuditPages extends Page {

    public AuditPages(WebDriver driver) {
        super(driver);
        waitFor(By.cssSelector("main h1"));
    }

    public static AuditPages open(WebDriver driver, String url) {
        driver.get(url);
        return new AuditPages(driver);
    }

    public String heading() {
        return text(By.cssSelector("main h1"));
    }

    /** Filters the case list by process and period, as an auditor types them. */
    public AuditPages filter(String processKey, String from) {
        new org.openqa.selenium.support.ui.Select(waitFor(By.id("filter-process"))).selectByValue(processKey);
        type(By.id("filter-from"), from);
        String before = driver.getCurrentUrl();
        scrollAndClick(waitForClickable(By.id("filter-apply")));
        waitUntil(d -> !d.getCurrentUrl().equals(before));
        return new AuditPages(driver);
    }

    public List<String> caseKeys() {
        return texts(By.cssSelector("#cases a.case-link"));
    }

    /** Opens a case's timeline from the list. */
    public AuditPages openCase(String businessKey) {
        scrollAndClick(waitUntil(ExpectedConditions.elementToBeClickable(By.linkText(businessKey))));
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
        return new AuditPages(driver);
    }

    public List<String> stepActivities() {
        return waitFor(By.id("steps")).findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.getAttribute("data-activity")).toList();
    }

    /** Waits until bpmn-js has drawn the case's diagram (issue 13) and answers the ids of the elements marked completed. */
    public List<String> diagramCompletedElements() {
        waitUntil(ExpectedConditions.attributeToBe(By.id("diagram"), "data-rendered", "true"));
        return waitFor(By.id("diagram")).findElements(By.cssSelector("svg .djs-element.audit-completed")).stream()
                .map(element -> element.getAttribute("data-element-id")).toList();
    }

    /** How many sequence flows the diagram marks as taken. */
    public int diagramTakenFlows() {
        return waitFor(By.id("diagram")).findElements(By.cssSelector("svg .djs-element.audit-taken")).size();
    }

    public String diagramStatus() {
        return text(By.id("diagram-status"));
    }

    public List<String> deadlineOutcomes() {
        return texts(By.cssSelector("#deadlines td.outcome"));
    }

    public AuditPages openBreachReport() {
        driver.get(driver.getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1") + "/audit/reports/breach");
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("breach-report")));
        return new AuditPages(driver);
    }

    public List<String> reportIncidents() {
        return texts(By.cssSelector("#breach-report tbody td:first-child a"));
    }

    public String csvLink() {
        return waitFor(By.id("download-csv")).getAttribute("href");
    }
}
