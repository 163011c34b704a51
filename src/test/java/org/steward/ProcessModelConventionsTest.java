package org.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * The house rules for process models (developers' guide, "Processes first"), checked on every file in
 * {@code bpmn/} so a new model cannot drift: the file is named after its process, ids carry their element
 * type, every step and event is named for a reader, every exclusive choice is a question with answered
 * flows, every service task is one delegate bean that exists, every user task belongs to a group and a
 * form, timers are defined in the model, and the diagram draws every element.
 */
class ProcessModelConventionsTest {

    private static final Path MODELS = Path.of("bpmn");
    private static final Pattern DELEGATE = Pattern.compile("^\\$\\{([a-z][A-Za-z0-9]*Delegate)}$");

    /** Prefix each element's id must carry. Checked most specific first. */
    private static final Map<Class<? extends BaseElement>, String> ID_PREFIXES = new java.util.LinkedHashMap<>();

    static {
        ID_PREFIXES.put(StartEvent.class, "StartEvent_");
        ID_PREFIXES.put(EndEvent.class, "EndEvent_");
        ID_PREFIXES.put(BoundaryEvent.class, "BoundaryEvent_");
        ID_PREFIXES.put(IntermediateCatchEvent.class, "(TimerEvent|MessageEvent|Event)_");
        ID_PREFIXES.put(IntermediateThrowEvent.class, "(Event|MessageEvent)_");
        ID_PREFIXES.put(SubProcess.class, "SubProcess_");
        ID_PREFIXES.put(CallActivity.class, "(CallActivity|Task)_");
        ID_PREFIXES.put(Task.class, "Task_");
        ID_PREFIXES.put(Gateway.class, "Gateway_");
        ID_PREFIXES.put(SequenceFlow.class, "Flow_");
        ID_PREFIXES.put(Message.class, "Msg_");
    }

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(found).as("process models in bpmn/").isNotEmpty();
            return found.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void followsTheHouseRules(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();

        Collection<Process> processes = model.getModelElementsByType(Process.class);
        String expectedId = file.getFileName().toString().replace(".bpmn", "");
        assertThat(processes).extracting(Process::getId).as("one process, named like its file").containsExactly(expectedId);
        Process process = processes.iterator().next();
        if (!process.isExecutable()) problems.add("process is not executable");
        if (blank(process.getName())) problems.add("process has no name");
        if (blank(process.getCamundaHistoryTimeToLiveString())) problems.add("process has no historyTimeToLive");

        ID_PREFIXES.forEach((type, prefix) -> {
            for (BaseElement element : model.getModelElementsByType(type)) {
                if (!element.getId().matches(prefix + ".+") && !matchesMoreSpecific(element)) {
                    problems.add(element.getElementType().getTypeName() + " " + element.getId() + " should start with " + prefix);
                }
            }
        });

        Set<String> drawn = Stream.concat(
                model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()),
                model.getModelElementsByType(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId()))
            .collect(Collectors.toSet());

        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!drawn.contains(node.getId())) problems.add(node.getId() + " is not drawn in the diagram");
            boolean isGateway = node instanceof Gateway;
            if (!isGateway && blank(node.getName())) problems.add(node.getId() + " has no name");
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!drawn.contains(flow.getId())) problems.add(flow.getId() + " is not drawn in the diagram");
        }

        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() < 2) continue; // a join
            if (blank(gateway.getName()) || !gateway.getName().trim().endsWith("?")) {
                problems.add(gateway.getId() + " decides, so its name should be a question: " + gateway.getName());
            }
            gateway.getOutgoing().stream().filter(f -> blank(f.getName()))
                .forEach(f -> problems.add(f.getId() + " leaves decision " + gateway.getId() + " without an answer as its name"));
        }
        for (EventBasedGateway gateway : model.getModelElementsByType(EventBasedGateway.class)) {
            if (gateway.getOutgoing().size() < 2) problems.add(gateway.getId() + " waits for fewer than two events");
        }

        Set<String> delegateBeans = delegateBeans();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String expression = task.getCamundaDelegateExpression();
            Matcher matcher = expression == null ? null : DELEGATE.matcher(expression);
            if (matcher == null || !matcher.matches()) {
                problems.add(task.getId() + " should call one delegate bean as ${somethingDelegate}, not " + expression);
            } else if (!delegateBeans.contains(matcher.group(1))) {
                problems.add(task.getId() + " calls ${" + matcher.group(1) + "}, but no such delegate class exists");
            }
        }

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (blank(task.getCamundaCandidateGroups())) problems.add(task.getId() + " has no candidate group");
            if (blank(task.getCamundaFormKey())) problems.add(task.getId() + " has no form");
        }

        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            boolean defined = (timer.getTimeDuration() != null && !blank(timer.getTimeDuration().getTextContent()))
                || (timer.getTimeDate() != null && !blank(timer.getTimeDate().getTextContent()))
                || (timer.getTimeCycle() != null && !blank(timer.getTimeCycle().getTextContent()));
            if (!defined) problems.add("a timer in " + ((BaseElement) timer.getParentElement()).getId() + " has no duration, date or cycle");
        }

        assertThat(problems).as(file + " breaks the process-model conventions").isEmpty();
    }

    /** An element of a more specific type (a ServiceTask is also a Task) is checked under its own prefix. */
    private static boolean matchesMoreSpecific(BaseElement element) {
        return ID_PREFIXES.entrySet().stream()
            .anyMatch(e -> e.getKey().isInstance(element) && element.getId().matches(e.getValue() + ".+"));
    }

    /** Bean names of every {@code *Delegate} class under org.steward (Spring's default: the decapitalised class name). */
    private static Set<String> delegateBeans() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Delegate")));
        return scanner.findCandidateComponents("org.steward").stream()
            .map(definition -> definition.getBeanClassName().substring(definition.getBeanClassName().lastIndexOf('.') + 1))
            .map(simple -> Character.toLowerCase(simple.charAt(0)) + simple.substring(1))
            .collect(Collectors.toSet());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
