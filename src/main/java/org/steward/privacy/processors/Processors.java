package org.steward.privacy.processors;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.system.NotFoundException;

/** The register of processors (DSR-7): privacy officers add, change and deactivate them; nothing is deleted. */
@Service
public class Processors {

    private final ProcessorRecords records;
    private final AuditTrail audit;

    Processors(ProcessorRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    @Transactional
    public Processor add(String name, String contactEmail, String holds, boolean active, String staffUser) {
        long id = records.create(name, contactEmail, holds, active);
        audit.record(staffUser, "PROCESSOR_ADDED", caseKey(id), "active=" + active);
        return get(id);
    }

    @Transactional
    public Processor change(long id, String name, String contactEmail, String holds, boolean active, String staffUser) {
        if (!records.update(id, name, contactEmail, holds, active)) {
            throw new NotFoundException("No processor " + id);
        }
        audit.record(staffUser, "PROCESSOR_CHANGED", caseKey(id), "active=" + active);
        return get(id);
    }

    @Transactional(readOnly = true)
    public Processor get(long id) {
        return records.find(id).orElseThrow(() -> new NotFoundException("No processor " + id));
    }

    @Transactional(readOnly = true)
    public List<Processor> list() {
        return records.all();
    }

    private static String caseKey(long id) {
        return "processor-" + id;
    }
}
