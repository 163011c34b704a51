package org.steward.privacy.erasure.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.privacy.erasure.ErasureProcess;
import org.steward.privacy.erasure.ErasureSteps;
import org.steward.privacy.erasure.ErasureSteps.ResidueReview;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_ResolveResidue (DSR-7): the completeness check found an identifier. The privacy officer sees
 * each table and column (never the value), clears it by hand where it is free text, and either scans
 * again or closes the erasure with the residue recorded. Only the flag reaches the engine.
 */
@Component
class ResolveResidueForm implements TaskForm {

    private final ErasureSteps steps;

    ResolveResidueForm(ErasureSteps steps) {
        this.steps = steps;
    }

    @Override
    public String taskKey() {
        return ErasureProcess.TASK_RESOLVE_RESIDUE;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(ErasureProcess.SCAN_AGAIN);
    }

    @Override
    public ResidueReview view(StaffTask task) {
        return steps.residueReview(task.caseId(ErasureProcess.CASE));
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        FormInput form = FormInput.of(input, Set.of(ErasureProcess.SCAN_AGAIN));
        Boolean scanAgain = form.requiredFlag(ErasureProcess.SCAN_AGAIN,
                "choose: scan again, or close the erasure with the residue recorded");
        form.done();
        return Map.of(ErasureProcess.SCAN_AGAIN, scanAgain);
    }

    /** Nothing to store: the decision is the flag (and the audit trail records who took it). */
    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
    }

    /** "Resolve erasure residue #12 — 2 columns": ids and counts, never a name. */
    @Override
    public String title(StaffTask task) {
        ResidueReview review = steps.residueReview(task.caseId(ErasureProcess.CASE));
        int columns = review.residue().size();
        return "Resolve erasure residue #" + review.id() + " — " + columns + (columns == 1 ? " column" : " columns");
    }
}
