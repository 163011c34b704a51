package org.steward.privacy.processors;

import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steward.audit.AuditTrail;
import org.steward.links.InvalidLinkException;
import org.steward.links.LinkService;
import org.steward.mail.Mail;
import org.steward.mail.RecipientRole;
import org.steward.mail.MailOutbox;
import org.steward.system.NotFoundException;
import org.steward.system.OptimisticRetry;

/**
 * Erasure instructions to processors (DSR-7): for every erasure each active processor gets one, by mail
 * with a single-use link to confirm it is done, a reminder on day 5 and, unconfirmed on day 14, a privacy
 * officers' follow-up task (ProcessorInstructionProcess).
 *
 * <p>Which processors: every active one. Steward does not yet record what it sent to whom, so it cannot
 * tell which processors hold a given person; an instruction to a processor that holds nothing costs them
 * a lookup. What identifies the person: the reference under which we share personal data with processors
 * (the data subject id, "S-42"), never the address or name: the instruction is mailed outside our control,
 * and a copy of the address would outlive the erasure in the processor's mailbox.
 */
@Service
public class ErasureInstructions {

    static final String LINK = "processor-instruction";
    static final String LINK_PATH = "/links/processor-instruction/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final ProcessorRecords records;
    private final LinkService links;
    private final MailOutbox outbox;
    private final RuntimeService runtimeService;
    private final OptimisticRetry retry;
    private final AuditTrail audit;
    private final Period linkValidity;

    ErasureInstructions(ProcessorRecords records, LinkService links, MailOutbox outbox, RuntimeService runtimeService,
                        OptimisticRetry retry, AuditTrail audit,
                        @Value("${steward.privacy.processors.link-validity:P30D}") Period linkValidity) {
        this.records = records;
        this.links = links;
        this.outbox = outbox;
        this.runtimeService = runtimeService;
        this.retry = retry;
        this.audit = audit;
        this.linkValidity = linkValidity;
    }

    /**
     * Starts one ProcessorInstructionProcess per active processor for this erasure, in the caller's
     * transaction. A repeated call (a retried job) instructs nobody twice.
     *
     * @param subjectRef the erased person's data subject id, the reference processors know them by
     * @return how many instructions were started
     */
    @Transactional
    public int instructAll(long erasureId, long subjectRef) {
        int started = 0;
        for (Processor processor : records.instructable()) {
            Optional<Long> id = records.createInstruction(processor.id(), erasureId, subjectRef);
            if (id.isPresent()) {
                runtimeService.startProcessInstanceByKey(ProcessorInstructionProcess.KEY,
                        ProcessorInstructionProcess.businessKey(id.get()));
                audit.record("system", "PROCESSOR_INSTRUCTED", ProcessorInstructionProcess.businessKey(id.get()),
                        "processor=" + processor.id() + " erasure=" + erasureId);
                started++;
            }
        }
        return started;
    }

    /** Task_SendInstruction: the instruction with its confirmation link, through the outbox. */
    @Transactional
    public void sendInstruction(long instructionId) {
        mail(instructionId, "processor-instruction", "instruction-" + instructionId + "-sent");
    }

    /** Task_SendReminder (day 5): a new link replaces the first (only its hash was kept), and the reminder carries it. */
    @Transactional
    public void sendReminder(long instructionId) {
        Instruction instruction = get(instructionId);
        if (instruction.status() == InstructionStatus.CONFIRMED) {
            return;
        }
        links.revoke(LINK, instructionId);
        mail(instructionId, "processor-instruction-reminder", "instruction-" + instructionId + "-reminder");
        records.reminded(instructionId);
    }

    /** GET of the link: what the instruction asks, or the "link not valid" page (used, expired, unknown). */
    @Transactional(readOnly = true)
    public InstructionPage checkLink(String token) {
        long id = links.check(LINK, token).subjectId();
        Instruction instruction = records.findInstruction(id)
                .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN));
        Processor processor = records.find(instruction.processorId()).orElseThrow();
        return new InstructionPage(id, processor.name(), reference(instruction.subjectRef()), processor.holds());
    }

    /**
     * POST of the link: the processor confirms the erasure is done, once. The waiting instruction (or its
     * open follow-up task) ends; one closed unconfirmed by an officer meanwhile is recorded as confirmed after all.
     */
    public InstructionPage confirm(String token) {
        return retry.inTransaction(() -> {
            long id = links.consume(LINK, token).subjectId();
            InstructionPage page = pageOf(id);
            if (records.confirmed(id, "processor")) {
                audit.record("processor", "PROCESSOR_INSTRUCTION_CONFIRMED", ProcessorInstructionProcess.businessKey(id), null);
                runtimeService.createMessageCorrelation(ProcessorInstructionProcess.MSG_INSTRUCTION_CONFIRMED)
                        .processInstanceBusinessKey(ProcessorInstructionProcess.businessKey(id))
                        .correlateAll();
            }
            return page;
        });
    }

    /** What the follow-up task shows: the instruction, the processor and its contact, never the person. */
    public record FollowUp(Instruction instruction, String contactEmail, String holds, String note) {
    }

    @Transactional(readOnly = true)
    public FollowUp followUp(long instructionId) {
        Instruction instruction = get(instructionId);
        Processor processor = records.find(instruction.processorId()).orElseThrow();
        return new FollowUp(instruction, processor.contactEmail(), processor.holds(), records.note(instructionId));
    }

    /** Task_FollowUpInstruction's completion: confirmed by other means, or closed unconfirmed; the note stays here. */
    @Transactional
    public void recordFollowUp(long instructionId, boolean confirmed, String note, String staffUser) {
        records.followedUp(instructionId, confirmed, note, staffUser);
    }

    @Transactional(readOnly = true)
    public Instruction get(long instructionId) {
        return records.findInstruction(instructionId).orElseThrow(() -> new NotFoundException("No instruction " + instructionId));
    }

    /** The instructions of one erasure (GET /api/erasures/{id}/instructions). */
    @Transactional(readOnly = true)
    public List<Instruction> forErasure(long erasureId) {
        return records.instructionsFor(erasureId);
    }

    /** What the processor is told the person is known as. */
    public static String reference(long subjectRef) {
        return "S-" + subjectRef;
    }

    /** The link page: which instruction, from whom to whom, about which reference. */
    public record InstructionPage(long instructionId, String processorName, String reference, String holds) {
    }

    private InstructionPage pageOf(long id) {
        Instruction instruction = records.findInstruction(id)
                .orElseThrow(() -> new InvalidLinkException(InvalidLinkException.Reason.UNKNOWN));
        Processor processor = records.find(instruction.processorId()).orElseThrow();
        return new InstructionPage(id, processor.name(), reference(instruction.subjectRef()), processor.holds());
    }

    private void mail(long instructionId, String template, String key) {
        Instruction instruction = get(instructionId);
        Processor processor = records.find(instruction.processorId()).orElseThrow();
        if (processor.contactEmail() == null) {
            return; // the contact was erased since: the day-14 follow-up reaches the officers
        }
        String token = links.issue(LINK, instructionId, linkValidity);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("processorName", processor.name());
        model.put("instructionId", instructionId);
        model.put("reference", reference(instruction.subjectRef()));
        model.put("holds", processor.holds());
        model.put("sentOn", DAY.format(instruction.sentAt()));
        model.put("confirmPath", LINK_PATH + token);
        model.put(Mail.SUBJECT_ARGUMENTS, List.of(String.valueOf(instructionId)));
        outbox.enqueue(new Mail(key, "instruction:" + instructionId, template, processor.contactEmail(), model).withRole(RecipientRole.PROCESSOR));
    }
}
