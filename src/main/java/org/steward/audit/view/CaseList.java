package org.steward.audit.view;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.steward.audit.CaseDeadlines;

/** Every case of every process, from the engine's history (AUD-2), filtered and paged. */
@Service
class CaseList {

    /** One case as the list shows it: no variables, no names, only the case's key and times. */
    record Row(String process, String processName, String businessKey, Instant started, Instant ended, String state) {
    }

    record Page(List<Row> rows, long total, int page, int pages) {
    }

    private final HistoryService history;
    private final RepositoryService repository;
    private final List<CaseDeadlines> deadlines;
    private final Clock clock;

    CaseList(HistoryService history, RepositoryService repository, List<CaseDeadlines> deadlines, Clock clock) {
        this.history = history;
        this.repository = repository;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Every deployed process, key to name (the latest version's name), sorted by name. */
    Map<String, String> processes() {
        Map<String, String> byKey = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionName().asc().list()
                .forEach((ProcessDefinition d) -> byKey.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return byKey;
    }

    Page find(CaseFilter filter) {
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                .startedAfter(Date.from(filter.period().start().minusMillis(1)))
                .startedBefore(Date.from(filter.period().end()));
        if (filter.process() != null) {
            query.processDefinitionKey(filter.process());
        }
        if ("running".equals(filter.state())) {
            query.unfinished();
        } else if ("completed".equals(filter.state())) {
            query.finished();
        }
        if (filter.deadlineMissed()) {
            Set<String> keys = new HashSet<>();
            Instant now = clock.instant();
            deadlines.forEach(source -> keys.addAll(source.casesWithMissedDeadline(now)));
            if (keys.isEmpty()) {
                return new Page(List.of(), 0, 1, 1);
            }
            query.processInstanceBusinessKeyIn(keys.toArray(String[]::new));
        }
        long total = query.count();
        List<Row> rows = query.orderByProcessInstanceStartTime().desc().listPage(filter.firstResult(), CaseFilter.PAGE_SIZE)
                .stream().map(i -> new Row(i.getProcessDefinitionKey(), i.getProcessDefinitionName(), i.getBusinessKey(),
                        instant(i.getStartTime()), instant(i.getEndTime()), i.getEndTime() == null ? "running" : "completed"))
                .toList();
        int pages = (int) Math.max(1, (total + CaseFilter.PAGE_SIZE - 1) / CaseFilter.PAGE_SIZE);
        return new Page(rows, total, filter.page(), pages);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
