package org.steward.privacy.processors.process;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.steward.privacy.processors.ErasureInstructions;
import org.steward.privacy.processors.ErasureInstructions.FollowUp;
import org.steward.privacy.processors.ProcessorInstructionProcess;
import org.steward.tasks.FormInput;
import org.steward.tasks.StaffTask;
import org.steward.tasks.TaskForm;

/**
 * Task_FollowUpInstruction (DSR-7, day 14): the processor has not confirmed. A privacy officer contacts
 * them, then records that they confirmed by other means, or closes the instruction unconfirmed with a note
 * (which stays in processor_instruction). Only the flag reaches the engine.
 */
@Component
class FollowUpInstructionForm implements TaskForm {

    static final String NOTE = "note";
    private static final int MAX_NOTE = 2000;

    private final ErasureInstructions instructions;

    FollowUpInstructionForm(ErasureInstructions instructions) {
        this.instructions = instructions;
    }

    @Override
    public String taskKey() {
        return ProcessorInstructionProcess.TASK_FOLLOW_UP;
    }

    @Override
    public Set<String> outputs() {
        return Set.of(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED);
    }

    @Override
    public FollowUp view(StaffTask task) {
        return instructions.followUp(task.caseId(ProcessorInstructionProcess.CASE));
    }

    @Override
    public Map<String, Object> check(StaffTask task, JsonNode input) {
        FormInput form = FormInput.of(input, Set.of(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED, NOTE));
        JsonNode given = input.get(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED);
        boolean confirmed = form.flag(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED, false);
        if (given == null || given.isNull()) {
            form.reject(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED,
                    "choose: the processor confirmed, or close the instruction unconfirmed");
        }
        String note = form.text(NOTE, MAX_NOTE, null);
        if (given != null && !given.isNull() && !confirmed && note == null) {
            form.reject(NOTE, "say why the instruction is closed unconfirmed (what the processor answered, if anything)");
        }
        form.done();
        return Map.of(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED, confirmed);
    }

    @Override
    public void apply(StaffTask task, JsonNode input, String staffUser) {
        boolean confirmed = FormInput.of(input, Set.of(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED, NOTE))
                .flag(ProcessorInstructionProcess.INSTRUCTION_CONFIRMED, false);
        JsonNode note = input.get(NOTE);
        String text = note == null || note.isNull() || note.textValue().isBlank() ? null : note.textValue().trim();
        instructions.recordFollowUp(task.caseId(ProcessorInstructionProcess.CASE), confirmed, text, staffUser);
    }

    /** "Follow up erasure instruction #7 — unconfirmed after 14 days, Mailjet": ids and the processor, never the person. */
    @Override
    public String title(StaffTask task) {
        long id = task.caseId(ProcessorInstructionProcess.CASE);
        return "Follow up erasure instruction #" + id + " — unconfirmed after 14 days, " + instructions.get(id).processorName();
    }
}
